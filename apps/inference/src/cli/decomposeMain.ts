import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decompose } from '../decompose.js';
import { DecomposeError } from '../errors.js';
import { decodeImage } from '../io/decodeImage.js';
import { parseCliArgs } from './parseCliArgs.js';
import { writeLayers } from './writeLayers.js';

/** `npm run decompose -- <image> --out <dir> [--layers auto|N] [--hint x,y[,w,h]]` */
async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`decompose: ${parsed.error}\n`);
    return 2;
  }
  const { image, out, layers, hints } = parsed.value;
  // npm runs root scripts from the repository root; paths are relative to where the user typed the command
  const base = process.env.INIT_CWD ?? process.cwd();
  const started = Date.now();
  try {
    const bytes = await readFile(resolve(base, image)).catch(() => {
      throw new DecomposeError('BAD_IMAGE', `cannot read ${image}`);
    });
    const input = await decodeImage(bytes);
    const result = await decompose(input, { layers, hints });
    await writeLayers(resolve(base, out), input.width, input.height, result);
    process.stdout.write(`${result.length} layers -> ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (error) {
    const message = error instanceof DecomposeError ? error.message : `internal error: ${String(error)}`;
    process.stderr.write(`decompose: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
