import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Absolute paths of the third-party tools the reader tests use (Debian packages imagemagick and libreoffice).
 * A missing tool fails the test with this message instead of skipping it.
 */
export const TOOLS = {
  identify: '/usr/bin/identify',
  convert: '/usr/bin/convert',
  soffice: '/usr/bin/soffice',
} as const;

export function requireTool(name: keyof typeof TOOLS): string {
  const path = TOOLS[name];
  if (!existsSync(path)) throw new Error(`${path} is missing: install the Debian package ${name === 'soffice' ? 'libreoffice-impress' : 'imagemagick'} (apt-get install -y ${name === 'soffice' ? 'libreoffice-impress' : 'imagemagick'})`);
  return path;
}

export function run(tool: keyof typeof TOOLS, args: string[], options: { timeout?: number; env?: NodeJS.ProcessEnv } = {}): string {
  return execFileSync(requireTool(tool), args, { encoding: 'utf8', timeout: options.timeout ?? 60_000, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The font the fixtures' text layers use; LibreOffice and librsvg both need it to draw the same glyphs. */
export const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export function requireFont(): void {
  if (!existsSync(DEJAVU_SANS)) throw new Error(`${DEJAVU_SANS} is missing: install the Debian package fonts-dejavu-core`);
}
