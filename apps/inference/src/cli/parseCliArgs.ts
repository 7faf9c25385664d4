import type { Hint } from '../pipeline/Hint.js';
import type { LayerCount } from '../pipeline/validateInput.js';

export interface CliArgs {
  image: string;
  out: string;
  layers: LayerCount;
  hints: Hint[];
}

export type ParseResult = { ok: true; value: CliArgs } | { ok: false; error: string };

export const USAGE = 'usage: npm run decompose -- <image> --out <dir> [--layers auto|N] [--hint x,y] [--hint x,y,w,h]';

/** Parse `<image> --out <dir> [--layers auto|N] [--hint x,y[,w,h]]...`; errors are one-line messages. */
export function parseCliArgs(argv: string[]): ParseResult {
  let image: string | undefined;
  let out: string | undefined;
  let layers: LayerCount = 'auto';
  const hints: Hint[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => argv[++i];
    switch (arg) {
      case '--out': {
        out = value();
        if (!out) return { ok: false, error: '--out needs a directory' };
        break;
      }
      case '--layers': {
        const v = value();
        if (v === 'auto') layers = 'auto';
        else if (v !== undefined && /^\d+$/.test(v) && Number(v) >= 2 && Number(v) <= 16) layers = Number(v);
        else return { ok: false, error: `--layers must be auto or an integer from 2 to 16, got ${v ?? 'nothing'}` };
        break;
      }
      case '--hint': {
        const v = value() ?? '';
        const parts = v.split(',').map((p) => Number(p.trim()));
        if ((parts.length !== 2 && parts.length !== 4) || parts.some((p) => !Number.isFinite(p)) || v.trim() === '') {
          return { ok: false, error: `--hint must be x,y or x,y,w,h, got ${v || 'nothing'}` };
        }
        const [x, y, width, height] = parts as [number, number, number?, number?];
        hints.push(width !== undefined && height !== undefined ? { x, y, width, height } : { x, y });
        break;
      }
      default: {
        if (arg.startsWith('--')) return { ok: false, error: `unknown option ${arg}` };
        if (image) return { ok: false, error: `unexpected argument ${arg}` };
        image = arg;
      }
    }
  }
  if (!image) return { ok: false, error: `no input image; ${USAGE}` };
  if (!out) return { ok: false, error: `no --out directory; ${USAGE}` };
  return { ok: true, value: { image, out, layers, hints } };
}
