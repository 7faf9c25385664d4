import { zipSync, type Zippable } from 'fflate';
import sharp from 'sharp';
import { compositeTree, type BlobReader, type DocNode, type DocumentTree } from '@strata/document';
import { toOraCompositeOp } from './blendModeNames.js';
import { ExportError } from './errors.js';
import { layerPixelReader } from './layerReader.js';
import { encodePng, readPngHeader } from './png.js';
import { escapeXml } from './xml.js';

export const ORA_MIMETYPE = 'image/openraster';
const STRATA_NS = 'https://strata.dev/ns/ora';

/**
 * Writes OpenRaster: `mimetype` first and stored, `stack.xml` with nested stacks, `data/*.png` (the layer blobs
 * as they are), `mergedimage.png` (the composite) and `Thumbnails/thumbnail.png` (at most 256 px).
 * Text layers are PNG layers with their style in strata:* attributes, which other readers ignore.
 */
export async function exportOra(tree: DocumentTree, readBlob: BlobReader): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const layerXml = await stackChildren(tree.children, readBlob, files, '  ');
  const stackXml = `<?xml version="1.0" encoding="UTF-8"?>\n<image version="0.0.5" w="${tree.width}" h="${tree.height}" xres="72" yres="72" xmlns:strata="${STRATA_NS}">\n <stack>\n${layerXml} </stack>\n</image>\n`;
  const composite = await compositeTree(tree, layerPixelReader(readBlob));
  const merged = await encodePng(composite);
  const scale = Math.min(1, 256 / Math.max(tree.width, tree.height));
  const raw = Buffer.from(composite.data.buffer, composite.data.byteOffset, composite.data.byteLength);
  const thumb = await sharp(raw, { raw: { width: tree.width, height: tree.height, channels: 4 } }).resize(Math.max(1, Math.round(tree.width * scale)), Math.max(1, Math.round(tree.height * scale)), { fit: 'fill' }).png().toBuffer();
  const zip: Zippable = {
    mimetype: [new TextEncoder().encode(ORA_MIMETYPE), { level: 0 }],
    'stack.xml': [new TextEncoder().encode(stackXml), { level: 6 }],
    'mergedimage.png': [merged, { level: 0 }],
    'Thumbnails/thumbnail.png': [new Uint8Array(thumb), { level: 0 }],
  };
  for (const [name, bytes] of Object.entries(files)) zip[name] = [bytes, { level: 0 }];
  return zipSync(zip);
}

/** stack.xml lists children top first; our trees are bottom first. */
async function stackChildren(nodes: DocNode[], readBlob: BlobReader, files: Record<string, Uint8Array>, indent: string): Promise<string> {
  let out = '';
  for (const node of [...nodes].reverse()) {
    const common = `name="${escapeXml(node.name)}" visibility="${node.visible ? 'visible' : 'hidden'}" opacity="${node.opacity}" composite-op="${toOraCompositeOp(node.blendMode)}"${node.locked ? ' edit-locked="true"' : ''}`;
    if (node.type === 'group') {
      out += `${indent}<stack ${common} isolation="isolate" strata:expanded="${node.expanded}">\n`;
      out += await stackChildren(node.children, readBlob, files, indent + ' ');
      out += `${indent}</stack>\n`;
      continue;
    }
    const bytes = await readBlob(node.blob);
    const header = readPngHeader(bytes);
    if (!header || header.width !== node.width || header.height !== node.height) {
      throw new ExportError(`layer "${node.name}" (${node.id}): blob ${node.blob} is not a ${node.width}x${node.height} PNG`);
    }
    const src = `data/${node.blob}.png`;
    files[src] = bytes;
    const text = node.kind === 'text'
      ? ` strata:text="${escapeXml(node.text.content)}" strata:font-family="${escapeXml(node.text.fontFamily)}" strata:font-size="${node.text.fontSize}" strata:color="${node.text.color}" strata:align="${node.text.align}"`
      : '';
    out += `${indent}<layer ${common} src="${src}" x="${Math.round(node.x)}" y="${Math.round(node.y)}"${text}/>\n`;
  }
  return out;
}
