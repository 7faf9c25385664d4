import { zipSync, type Zippable } from 'fflate';
import type { BlobReader, DocumentTree, LayerNode, TextStyle } from '@strata/document';
import { parseHexColor } from './color.js';
import { decodePng, encodePng } from './png.js';
import { walkLayers } from './walkLayers.js';

/** The decompose CLI's manifest: layers bottom to top, one PNG each. */
export interface LayerManifest {
  width: number;
  height: number;
  layers: ManifestLayer[];
}

export interface ManifestLayer {
  file: string;
  name: string;
  /** we write 'raster' | 'text'; the decompose CLI writes 'background' | 'object' | 'text' */
  kind: LayerNode['kind'] | (string & {});
  x: number;
  y: number;
  width: number;
  height: number;
  /** as the decompose CLI writes it: colour as [r, g, b] */
  text?: ManifestText;
}

export interface ManifestText {
  content: string;
  fontSize: number;
  color: [number, number, number];
}

/**
 * A ZIP of one PNG per visible layer plus manifest.json, bottom to top. The manifest has no groups, opacity or
 * blend modes, so hidden layers are left out, groups are flattened and opacity (the layer's times its groups') is
 * multiplied into the PNG's alpha; blend modes other than normal are lost.
 */
export async function exportZip(tree: DocumentTree, readBlob: BlobReader): Promise<Uint8Array> {
  const zip: Zippable = {};
  const layers: ManifestLayer[] = [];
  for (const { layer, ancestors } of walkLayers(tree.children)) {
    if (!layer.visible || ancestors.some((g) => !g.visible)) continue;
    const opacity = ancestors.reduce((o, g) => o * g.opacity, layer.opacity);
    const file = `${String(layers.length).padStart(3, '0')}-${safeName(layer.name)}.png`;
    zip[file] = [await withOpacity(await readBlob(layer.blob), opacity), { level: 0 }];
    layers.push({
      file, name: layer.name, kind: layer.kind, x: layer.x, y: layer.y, width: layer.width, height: layer.height,
      ...(layer.kind === 'text' ? { text: manifestText(layer.text) } : {}),
    });
  }
  const manifest: LayerManifest = { width: tree.width, height: tree.height, layers };
  zip['manifest.json'] = [new TextEncoder().encode(JSON.stringify(manifest, null, 2)), { level: 6 }];
  return zipSync(zip);
}

function manifestText(t: TextStyle): ManifestText {
  const { r, g, b } = parseHexColor(t.color);
  return { content: t.content, fontSize: t.fontSize, color: [r, g, b] };
}

async function withOpacity(png: Uint8Array, opacity: number): Promise<Uint8Array> {
  if (opacity >= 1) return png;
  const img = await decodePng(png);
  for (let i = 3; i < img.data.length; i += 4) img.data[i] = Math.round((img.data[i] ?? 0) * opacity);
  return encodePng(img);
}

function safeName(name: string): string {
  return name.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'layer';
}
