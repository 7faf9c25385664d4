import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { alphaBounds, crop, manifestText, type LayerSet, type Manifest } from './layerSet.js';
import { placeOnCanvas, type Rgba } from './rgba.js';

export async function readPng(path: string): Promise<Rgba> {
  const { data, info } = await sharp(path).toColourspace('srgb').ensureAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new TypeError(`${path}: expected 4 channels after conversion, got ${info.channels}`);
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

export async function writePng(path: string, img: Rgba, opaque = false): Promise<void> {
  let s = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } });
  if (opaque) s = s.removeAlpha();
  await s.png({ compressionLevel: 6 }).toFile(path);
}

/** Writes a layer set in the decompose CLI's format: manifest.json plus one cropped RGBA PNG per layer. */
export async function writeLayerSet(dir: string, set: LayerSet): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest: Manifest = { width: set.width, height: set.height, layers: [] };
  for (const [i, layer] of set.layers.entries()) {
    const b = alphaBounds(layer.rgba) ?? { x: 0, y: 0, width: 1, height: 1 };
    const file = `${String(i).padStart(2, '0')}-${layer.kind}.png`;
    await writePng(join(dir, file), crop(layer.rgba, b));
    manifest.layers.push({ file, name: layer.name, kind: layer.kind, ...b, ...(layer.text !== undefined ? { text: { content: layer.text } } : {}) });
  }
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads a manifest.json directory (ours or the decompose CLI's) into full-canvas layers. */
export async function readLayerSet(dir: string): Promise<LayerSet> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const layers = [];
  for (const l of manifest.layers) {
    const img = await readPng(join(dir, l.file));
    layers.push({ name: l.name, kind: l.kind, text: manifestText(l.text), rgba: placeOnCanvas(img, l.x, l.y, manifest.width, manifest.height) });
  }
  return { width: manifest.width, height: manifest.height, layers };
}
