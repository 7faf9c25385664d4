import { randomUUID } from 'node:crypto';
import { readPsd, type Layer, type PixelData } from 'ag-psd';
import type { DocNode, LayerNode, NodeBase, RasterLayer, RgbaImage } from '@strata/document';
import { ensureAgPsd } from './agPsd.js';
import { applyLayerMask } from './applyLayerMask.js';
import { fromPsdBlendMode } from './blendModeNames.js';
import { toHexColor } from './color.js';
import { fail, ok, type Result } from './errors.js';
import type { ImportedDocument, ImportOptions } from './ImportedDocument.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.js';
import { encodePng, sha256Hex } from './png.js';
import { psdPrecheck } from './psdPrecheck.js';
import { runLimited } from './runLimited.js';

/**
 * Reads a PSD into a tree: folders become groups, pixel layers raster layers, type layers text layers with their
 * string and style (their pixels become the text rendering). User masks are multiplied into alpha. Limits are checked
 * on the raw bytes first. Not modelled (imported as their pixels, or as empty layers): clipping masks, vector masks,
 * adjustment and fill layers, layer effects, smart-object transforms.
 */
export async function importPsd(bytes: Uint8Array, options: ImportOptions & { limits?: ImportLimits } = {}): Promise<Result<ImportedDocument>> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const pre = psdPrecheck(bytes, limits);
  if (!pre.ok) return pre;
  ensureAgPsd();
  let psd;
  try {
    psd = readPsd(bytes, {
      useImageData: true, skipCompositeImageData: true, skipThumbnail: true, skipLinkedFilesData: true,
      totalMemoryLimit: limits.maxTotalLayerPixels * 4 + 64 * 1024 * 1024,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail(/out of bounds|offset|end of/i.test(message) ? 'TRUNCATED_FILE' : 'INVALID_FILE', `PSD cannot be read: ${message}`);
  }
  const newId = options.newId ?? randomUUID;
  const blobs = new Map<string, Uint8Array>();
  // PNG encoding runs on libuv's thread pool: a few at a time (each holds a copy of its layer), tree built in order
  const pending: (() => Promise<void>)[] = [];
  const children = (psd.children ?? []).map((layer) => toNode(layer, newId, blobs, pending));
  await runLimited(pending, 4);
  return ok({ tree: { width: psd.width, height: psd.height, children }, blobs });
}

function toNode(layer: Layer, newId: () => string, blobs: Map<string, Uint8Array>, pending: (() => Promise<void>)[]): DocNode {
  const base: NodeBase = {
    id: newId(),
    name: layer.name ?? '',
    visible: !layer.hidden,
    locked: Boolean(layer.protected?.composite && layer.protected.position),
    opacity: Math.round((layer.opacity ?? 1) * 255) / 255,
    blendMode: fromPsdBlendMode(layer.blendMode),
    x: 0,
    y: 0,
  };
  if (layer.children) {
    const children = layer.children.map((child) => toNode(child, newId, blobs, pending));
    return { ...base, type: 'group', expanded: layer.opened ?? true, children };
  }
  const image = toRgba(layer.imageData);
  applyLayerMask(image, layer.left ?? 0, layer.top ?? 0, layer.mask);
  const common = { ...base, type: 'layer' as const, x: layer.left ?? 0, y: layer.top ?? 0, blob: '', width: image.width, height: image.height };
  const node = layerNode(common, layer.text);
  pending.push(async () => {
    const png = await encodePng(image);
    node.blob = sha256Hex(png);
    blobs.set(node.blob, png);
    if (layer.imageData) layer.imageData = undefined; // let the decoded pixels go
  });
  return node;
}

function layerNode(common: Omit<RasterLayer, 'kind'>, t: Layer['text']): LayerNode {
  if (!t) return { ...common, kind: 'raster' };
  const fill = t.style?.fillColor;
  const justification = t.paragraphStyle?.justification;
  return {
    ...common,
    kind: 'text',
    text: {
      content: t.text.replace(/\r\n?/g, '\n'),
      fontFamily: t.style?.font?.name ?? 'sans-serif',
      fontSize: (t.style?.fontSize ?? 12) * (t.transform?.[3] ?? 1),
      color: fill && 'r' in fill ? toHexColor(fill) : '#000000',
      align: justification === 'center' || justification === 'right' ? justification : 'left',
    },
  };
}

/** Empty PSD layers have no pixels; the document model needs at least 1×1. */
function toRgba(data: PixelData | undefined): RgbaImage {
  if (!data || data.width === 0 || data.height === 0) return { width: 1, height: 1, data: new Uint8ClampedArray(4) };
  if (!(data.data instanceof Uint8ClampedArray || data.data instanceof Uint8Array)) throw new RangeError('PSD layer data is not 8-bit');
  const d = data.data;
  return { width: data.width, height: data.height, data: new Uint8ClampedArray(d.buffer, d.byteOffset, d.byteLength) };
}
