import type { BlobReader, DocNode, DocumentTree, RgbaImage } from '@strata/document';
import { toHexColor } from './color.js';
import { decodePng, sha256Hex } from './png.js';
import type { LayerManifest, ManifestLayer, ManifestText } from './exportZip.js';

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Checks the decompose CLI's manifest.json shape: `{ width, height, layers: [{ file, name, kind, x, y, width, height, text? }] }`.
 * `kind` is 'text' for text layers; anything else ('raster', or the decompose CLI's 'background' / 'object') is raster.
 */
export function parseManifest(json: unknown): LayerManifest {
  const m = json as Partial<LayerManifest> | null;
  const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
  if (!m || !int(m.width) || !int(m.height) || !Array.isArray(m.layers)) throw new ManifestError('manifest.json needs integer width, height and a layers array');
  m.layers.forEach((l: Partial<ManifestLayer>, i) => {
    if (typeof l.file !== 'string' || !int(l.x) || !int(l.y) || !int(l.width) || !int(l.height)) {
      throw new ManifestError(`manifest.json layers[${i}] needs file, x, y, width and height`);
    }
    if (l.kind !== undefined && typeof l.kind !== 'string') throw new ManifestError(`manifest.json layers[${i}].kind is not a string`);
  });
  return m as LayerManifest;
}

/**
 * Builds a document from a manifest and a file reader: one layer per entry, bottom to top, no groups.
 * Text entries (`text: { content, fontSize, color: [r, g, b] }` as the decompose CLI writes, or a bare string) become
 * text layers in DejaVu Sans; a missing size or colour is taken from the box height and the opaque pixels.
 */
export async function manifestDocument(manifest: LayerManifest, readFile: (name: string) => Promise<Uint8Array>): Promise<{ tree: DocumentTree; readBlob: BlobReader }> {
  const blobs = new Map<string, Uint8Array>();
  const children: DocNode[] = [];
  for (const [i, l] of manifest.layers.entries()) {
    const png = await readFile(l.file);
    const img = await decodePng(png);
    if (img.width !== l.width || img.height !== l.height) throw new ManifestError(`${l.file} is ${img.width}x${img.height}, manifest says ${l.width}x${l.height}`);
    const blob = sha256Hex(png);
    blobs.set(blob, png);
    const base = {
      id: `layer-${i}`, name: l.name ?? l.file, visible: true, locked: false, opacity: 1, blendMode: 'normal' as const,
      type: 'layer' as const, x: l.x, y: l.y, width: l.width, height: l.height, blob,
    };
    const text = l.text as ManifestLayer['text'] | string | undefined;
    if (l.kind === 'text' && text !== undefined) {
      const t: Partial<ManifestText> = typeof text === 'string' ? { content: text } : text;
      const color = Array.isArray(t.color) && t.color.length === 3 ? toHexColor({ r: t.color[0], g: t.color[1], b: t.color[2] }) : inkColor(img);
      const fontSize = typeof t.fontSize === 'number' && t.fontSize > 0 ? t.fontSize : Math.max(1, Math.round(l.height * 0.75));
      children.push({ ...base, kind: 'text', text: { content: String(t.content ?? ''), fontFamily: 'DejaVu Sans', fontSize, color, align: 'left' } });
    } else {
      children.push({ ...base, kind: 'raster' });
    }
  }
  const readBlob: BlobReader = async (sha) => {
    const b = blobs.get(sha);
    if (!b) throw new ManifestError(`no blob ${sha}`);
    return b;
  };
  return { tree: { width: manifest.width, height: manifest.height, children }, readBlob };
}

/** The mean colour of the mostly opaque pixels (black when there are none). */
function inkColor(img: RgbaImage): string {
  let r = 0; let g = 0; let b = 0; let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if ((img.data[i + 3] ?? 0) < 128) continue;
    r += img.data[i] ?? 0; g += img.data[i + 1] ?? 0; b += img.data[i + 2] ?? 0; n++;
  }
  return n ? toHexColor({ r: r / n, g: g / n, b: b / n }) : '#000000';
}
