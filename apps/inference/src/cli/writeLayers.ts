import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng } from '../io/encodePng.js';
import type { Layer } from '../Layer.js';

export interface ManifestLayer {
  file: string;
  name: string;
  kind: Layer['kind'];
  x: number;
  y: number;
  width: number;
  height: number;
  text?: Layer['text'];
}

export interface Manifest {
  width: number;
  height: number;
  layers: ManifestLayer[];
}

/** File name of layer `index` (bottom = 0). */
export const layerFileName = (index: number): string => `layer-${String(index).padStart(2, '0')}.png`;

export function manifestOf(width: number, height: number, layers: Layer[]): Manifest {
  return {
    width,
    height,
    layers: layers.map((l, i) => ({
      file: layerFileName(i),
      name: l.name,
      kind: l.kind,
      x: l.x,
      y: l.y,
      width: l.width,
      height: l.height,
      ...(l.text ? { text: l.text } : {}),
    })),
  };
}

/** Write `<dir>/manifest.json` and one RGBA PNG per layer (bottom to top). */
export async function writeLayers(dir: string, width: number, height: number, layers: Layer[]): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  const manifest = manifestOf(width, height, layers);
  await Promise.all(layers.map(async (l, i) => writeFile(join(dir, layerFileName(i)), await encodePng(l.rgba))));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
