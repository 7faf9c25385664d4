import { writePsdUint8Array } from 'ag-psd';
import { strToU8, zipSync } from 'fflate';
import { ensureAgPsd } from '../agPsd.js';

/** A small valid 8-bit RGB PSD with one 2×2 layer. */
export function tinyPsd(): Uint8Array {
  ensureAgPsd();
  const data = new Uint8ClampedArray(16).fill(200);
  return writePsdUint8Array({ width: 4, height: 4, children: [{ name: 'a', left: 1, top: 1, imageData: { width: 2, height: 2, data } }], imageData: { width: 4, height: 4, data: new Uint8ClampedArray(64).fill(255) } });
}

/** The same PSD with header fields rewritten: what a CMYK, 16-bit, PSB or 30000×30000 file declares up front. */
export function patchPsdHeader(psd: Uint8Array, patch: { version?: number; width?: number; height?: number; depth?: number; colorMode?: number }): Uint8Array {
  const out = psd.slice();
  const view = new DataView(out.buffer);
  if (patch.version !== undefined) view.setUint16(4, patch.version);
  if (patch.height !== undefined) view.setUint32(14, patch.height);
  if (patch.width !== undefined) view.setUint32(18, patch.width);
  if (patch.depth !== undefined) view.setUint16(22, patch.depth);
  if (patch.colorMode !== undefined) view.setUint16(24, patch.colorMode);
  return out;
}

/** A real PSD (written by ag-psd) with `count` 1×1 layers. */
export function manyLayerPsd(count: number): Uint8Array {
  ensureAgPsd();
  const children = Array.from({ length: count }, (_, i) => ({ name: `l${i}`, left: i % 8, top: 0, imageData: { width: 1, height: 1, data: new Uint8ClampedArray([1, 2, 3, 255]) } }));
  return writePsdUint8Array({ width: 8, height: 8, children, imageData: { width: 8, height: 8, data: new Uint8ClampedArray(256) } });
}

export function oraWith(stackXml: string | null, extra: Record<string, Uint8Array> = {}, mimetype = 'image/openraster'): Uint8Array {
  const files: Record<string, Uint8Array> = { mimetype: strToU8(mimetype), ...extra };
  if (stackXml !== null) files['stack.xml'] = strToU8(stackXml);
  return zipSync(files);
}
