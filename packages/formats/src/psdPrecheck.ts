import { fail, ok, type Result } from './errors.js';
import type { ImportLimits } from './limits.js';

export interface PsdSummary { width: number; height: number; layerCount: number; totalLayerPixels: number }

const COLOR_MODES: Record<number, string> = {
  0: 'Bitmap', 1: 'Grayscale', 2: 'Indexed', 3: 'RGB', 4: 'CMYK', 7: 'Multichannel', 8: 'Duotone', 9: 'Lab',
};

/**
 * Walks the PSD header and layer records without decoding any pixels, so bad files are refused before ag-psd
 * allocates anything: wrong signature, PSB, colour modes other than RGB/Grayscale, depths other than 8, canvases or
 * layer counts over the limits, declared sections running past the end of the file (truncation).
 */
export function psdPrecheck(bytes: Uint8Array, limits: ImportLimits): Result<PsdSummary> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.byteLength;
  if (size < 4 || String.fromCharCode(...bytes.subarray(0, 4)) !== '8BPS') return fail('INVALID_FILE', 'not a PSD file (no 8BPS signature)');
  if (size < 26) return fail('TRUNCATED_FILE', `PSD header is cut off (${size} bytes)`);
  const version = view.getUint16(4);
  if (version === 2) return fail('UNSUPPORTED_FORMAT', 'large document format (PSB) is not supported');
  if (version !== 1) return fail('INVALID_FILE', `unknown PSD version ${version}`);
  const height = view.getUint32(14);
  const width = view.getUint32(18);
  const depth = view.getUint16(22);
  const colorMode = view.getUint16(24);
  if (colorMode !== 3 && colorMode !== 1) {
    return fail('UNSUPPORTED_COLOR_MODE', `${COLOR_MODES[colorMode] ?? `colour mode ${colorMode}`} PSD files are not supported; convert to RGB 8-bit`);
  }
  if (depth !== 8) return fail('UNSUPPORTED_BIT_DEPTH', `${depth}-bit PSD files are not supported; convert to 8 bits per channel`);
  if (width === 0 || height === 0) return fail('INVALID_FILE', `PSD canvas is ${width}x${height}`);
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxCanvasPixels) {
    return fail('CANVAS_TOO_LARGE', `canvas ${width}x${height} is over the limit (${limits.maxSide} px a side, ${limits.maxCanvasPixels} px in all)`);
  }

  let p = 26;
  const need = (n: number) => p + n <= size;
  const section = (what: string): Result<number> => {
    if (!need(4)) return fail('TRUNCATED_FILE', `PSD is cut off before its ${what}`);
    const len = view.getUint32(p);
    p += 4;
    if (!need(len)) return fail('TRUNCATED_FILE', `PSD is cut off inside its ${what} (${len} bytes declared, ${size - p} left)`);
    return ok(len);
  };
  const colorData = section('colour mode data');
  if (!colorData.ok) return colorData;
  p += colorData.value;
  const resources = section('image resources');
  if (!resources.ok) return resources;
  p += resources.value;
  const layerAndMask = section('layer and mask information');
  if (!layerAndMask.ok) return layerAndMask;
  const afterLayers = p + layerAndMask.value;

  let layerCount = 0;
  let totalLayerPixels = 0;
  if (layerAndMask.value >= 4) {
    const layerInfo = section('layer information');
    if (!layerInfo.ok) return layerInfo;
    const layerInfoEnd = p + layerInfo.value;
    if (layerInfo.value >= 2) {
      layerCount = Math.abs(view.getInt16(p));
      p += 2;
      if (layerCount > limits.maxLayers) return fail('TOO_MANY_LAYERS', `PSD has ${layerCount} layers; the limit is ${limits.maxLayers}`);
      let channelBytes = 0;
      for (let i = 0; i < layerCount; i++) {
        if (p + 18 > layerInfoEnd) return fail('TRUNCATED_FILE', `PSD layer record ${i} is cut off`);
        const top = view.getInt32(p); const left = view.getInt32(p + 4);
        const bottom = view.getInt32(p + 8); const right = view.getInt32(p + 12);
        const channels = view.getUint16(p + 16);
        p += 18;
        if (channels > 56) return fail('INVALID_FILE', `PSD layer ${i} declares ${channels} channels`);
        if (p + channels * 6 + 16 > layerInfoEnd) return fail('TRUNCATED_FILE', `PSD layer record ${i} is cut off`);
        for (let c = 0; c < channels; c++) channelBytes += view.getUint32(p + c * 6 + 2);
        p += channels * 6 + 12;
        const extra = view.getUint32(p);
        p += 4 + extra;
        const w = Math.max(0, right - left); const h = Math.max(0, bottom - top);
        if (w > 300_000 || h > 300_000) return fail('INVALID_FILE', `PSD layer ${i} is ${w}x${h}`);
        totalLayerPixels += w * h;
        if (totalLayerPixels > limits.maxTotalLayerPixels) {
          return fail('TOO_MUCH_PIXEL_DATA', `PSD layers hold more than ${limits.maxTotalLayerPixels} pixels in all`);
        }
      }
      if (p > layerInfoEnd) return fail('TRUNCATED_FILE', 'PSD layer records run past their section');
      if (p + channelBytes > layerInfoEnd) return fail('TRUNCATED_FILE', `PSD layer pixel data is cut off (${channelBytes} bytes declared, ${layerInfoEnd - p} present)`);
    }
  }
  const composite = checkComposite(view, afterLayers, view.getUint16(12), width, height);
  if (!composite.ok) return composite;
  return ok({ width, height, layerCount, totalLayerPixels });
}

/** The composite image: raw (0) or RLE (1) data must be all there; zip (2, 3) streams are checked by the decoder. */
function checkComposite(view: DataView, at: number, channels: number, width: number, height: number): Result<true> {
  const size = view.byteLength;
  if (at + 2 > size) return fail('TRUNCATED_FILE', 'PSD is cut off before its composite image');
  const compression = view.getUint16(at);
  let p = at + 2;
  if (compression === 0) {
    if (p + channels * width * height > size) return fail('TRUNCATED_FILE', 'PSD composite image is cut off');
  } else if (compression === 1) {
    const rows = channels * height;
    if (p + rows * 2 > size) return fail('TRUNCATED_FILE', 'PSD composite image is cut off');
    let bytes = 0;
    for (let i = 0; i < rows; i++) bytes += view.getUint16(p + i * 2);
    p += rows * 2;
    if (p + bytes > size) return fail('TRUNCATED_FILE', `PSD composite image is cut off (${bytes} bytes declared, ${size - p} left)`);
  }
  return ok(true);
}
