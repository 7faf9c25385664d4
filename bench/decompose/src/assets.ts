import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Files the generator draws from. Lists are sorted so a seed picks the same file on every machine with them. */
export interface AssetCatalog {
  /** Photos, renderings and paper textures (webp, png, svg) from Debian packages; may be empty. */
  backgrounds: string[];
  /** Colour emoji SVGs (@twemoji/svg, CC-BY 4.0 graphics). */
  emoji: string[];
  /** Stroke icon SVGs (lucide-static, ISC). */
  icons: string[];
}

/** Debian packages providing backgrounds: gnome-backgrounds (photos/renders), mypaint-data-extras (paper). */
const BACKGROUND_DIRS = ['/usr/share/backgrounds/gnome', '/usr/share/mypaint/backgrounds/ramon', '/usr/share/mypaint/backgrounds/mrmamurk'];
const BACKGROUND_SKIP = /^vnc-|^symbolic-/;

function listFiles(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => ext.test(f)).sort().map((f) => join(dir, f));
}

function packageDir(name: string): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

export function findAssets(): AssetCatalog {
  const backgrounds = BACKGROUND_DIRS.flatMap((d) =>
    listFiles(d, /\.(webp|png|svg)$/i).filter((f) => !BACKGROUND_SKIP.test(f.split('/').pop()!)),
  );
  const twemoji = packageDir('@twemoji/svg');
  // Single code point emoji only (no ZWJ sequences, flags or skin-tone variants): enough variety, simpler shapes.
  const emoji = twemoji ? listFiles(twemoji, /^1f[0-9a-f]{3}\.svg$/) : [];
  const lucide = packageDir('lucide-static');
  const icons = lucide ? listFiles(join(lucide, 'icons'), /\.svg$/) : [];
  return { backgrounds, emoji, icons };
}

/** Font families present through Debian font packages (fonts-dejavu, fonts-liberation, fonts-urw-base35). */
export const FONT_FAMILIES = [
  'DejaVu Sans',
  'DejaVu Serif',
  'Liberation Sans',
  'Liberation Serif',
  'Liberation Mono',
  'Nimbus Sans',
  'C059',
  'P052',
  'URW Gothic',
] as const;
