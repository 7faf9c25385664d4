import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { DocNode, NodeBase, TextStyle } from '@strata/document';
import { fromOraCompositeOp } from './blendModeNames.js';
import { fail, ok, type Result } from './errors.js';
import type { ImportedDocument, ImportOptions } from './ImportedDocument.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.js';
import { decodePng, encodePng, readPngHeader, sha256Hex } from './png.js';
import { ORA_MIMETYPE } from './exportOra.js';
import { parseXml, type XmlElement } from './xml.js';

/**
 * Reads OpenRaster: nested stacks become groups, layers raster layers (text layers when they carry strata:text).
 * stack.xml is read and checked against the limits before any layer PNG is touched; every PNG's size is read from
 * its header before it is decoded. 8-bit RGBA PNGs are kept byte for byte; other PNGs are converted to RGBA.
 */
export async function importOra(bytes: Uint8Array, options: ImportOptions & { limits?: ImportLimits } = {}): Promise<Result<ImportedDocument>> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  let names: string[];
  let head: Record<string, Uint8Array>;
  try {
    names = [];
    head = unzipSync(bytes, { filter: (f) => { names.push(f.name); return f.name === 'stack.xml' || f.name === 'mimetype'; } });
  } catch (e) {
    return fail('TRUNCATED_FILE', `ORA archive cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const mimetype = head.mimetype ? new TextDecoder().decode(head.mimetype).trim() : undefined;
  if (mimetype !== undefined && mimetype !== ORA_MIMETYPE) return fail('UNSUPPORTED_FORMAT', `archive mimetype is ${mimetype}, not ${ORA_MIMETYPE}`);
  const stackBytes = head['stack.xml'];
  if (!stackBytes) return fail('INVALID_FILE', 'ORA has no stack.xml');
  let image: XmlElement;
  try {
    image = parseXml(new TextDecoder().decode(stackBytes));
  } catch (e) {
    return fail('INVALID_FILE', `stack.xml cannot be parsed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const width = Number(image.attributes.w); const height = Number(image.attributes.h);
  if (image.name !== 'image' || !(width > 0) || !(height > 0)) return fail('INVALID_FILE', 'stack.xml has no <image w h>');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxCanvasPixels) {
    return fail('CANVAS_TOO_LARGE', `canvas ${width}x${height} is over the limit (${limits.maxSide} px a side, ${limits.maxCanvasPixels} px in all)`);
  }
  const root = image.children.find((c) => c.name === 'stack');
  if (!root) return fail('INVALID_FILE', 'stack.xml has no root <stack>');
  const count = countElements(root);
  if (count > limits.maxLayers) return fail('TOO_MANY_LAYERS', `ORA has ${count} layers; the limit is ${limits.maxLayers}`);

  const wanted = new Set<string>();
  collectSources(root, wanted);
  const missing = [...wanted].filter((s) => !names.includes(s));
  if (missing.length) return fail('INVALID_FILE', `ORA is missing ${missing.slice(0, 3).join(', ')}`);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (e) {
    return fail('TRUNCATED_FILE', `ORA archive cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  let total = 0;
  for (const src of wanted) {
    const header = readPngHeader(files[src] ?? new Uint8Array());
    if (!header) return fail('INVALID_FILE', `${src} is not a PNG`);
    total += header.width * header.height;
    if (total > limits.maxTotalLayerPixels) return fail('TOO_MUCH_PIXEL_DATA', `ORA layers hold more than ${limits.maxTotalLayerPixels} pixels in all`);
  }
  const ctx = { newId: options.newId ?? randomUUID, files, blobs: new Map<string, Uint8Array>() };
  const children = await readStack(root, 0, 0, ctx);
  return ok({ tree: { width, height, children }, blobs: ctx.blobs });
}

interface Ctx { newId: () => string; files: Record<string, Uint8Array>; blobs: Map<string, Uint8Array> }

function countElements(el: XmlElement): number {
  return el.children.reduce((n, c) => n + (c.name === 'stack' || c.name === 'layer' ? 1 + countElements(c) : 0), 0);
}

function collectSources(el: XmlElement, out: Set<string>): void {
  for (const c of el.children) {
    if (c.name === 'layer' && c.attributes.src) out.add(c.attributes.src);
    if (c.name === 'stack') collectSources(c, out);
  }
}

async function readStack(stack: XmlElement, dx: number, dy: number, ctx: Ctx): Promise<DocNode[]> {
  const nodes: DocNode[] = [];
  // stack.xml is top first
  for (const el of [...stack.children].reverse()) {
    const a = el.attributes;
    const opacity = a.opacity === undefined ? 1 : Math.min(1, Math.max(0, Number(a.opacity) || 0));
    const x = dx + (Number(a.x) || 0); const y = dy + (Number(a.y) || 0);
    const base: NodeBase = {
      id: ctx.newId(), name: a.name ?? '', visible: a.visibility !== 'hidden', locked: a['edit-locked'] === 'true',
      opacity, blendMode: fromOraCompositeOp(a['composite-op']), x: 0, y: 0,
    };
    if (el.name === 'stack') {
      nodes.push({ ...base, type: 'group', expanded: a['strata:expanded'] !== 'false', children: await readStack(el, x, y, ctx) });
    } else if (el.name === 'layer' && a.src) {
      const png = await normalisePng(ctx.files[a.src] ?? new Uint8Array());
      const header = readPngHeader(png);
      const blob = sha256Hex(png);
      ctx.blobs.set(blob, png);
      const layer = { ...base, type: 'layer' as const, x, y, blob, width: header?.width ?? 1, height: header?.height ?? 1 };
      const text = textStyle(a);
      nodes.push(text ? { ...layer, kind: 'text', text } : { ...layer, kind: 'raster' });
    }
  }
  return nodes;
}

async function normalisePng(bytes: Uint8Array): Promise<Uint8Array> {
  const h = readPngHeader(bytes);
  if (h && h.bitDepth === 8 && h.colorType === 6) return bytes;
  return encodePng(await decodePng(bytes));
}

function textStyle(a: Record<string, string>): TextStyle | null {
  const content = a['strata:text'];
  if (content === undefined) return null;
  const align = a['strata:align'];
  return {
    content,
    fontFamily: a['strata:font-family'] ?? 'sans-serif',
    fontSize: Number(a['strata:font-size']) || 12,
    color: a['strata:color'] ?? '#000000',
    align: align === 'center' || align === 'right' ? align : 'left',
  };
}
