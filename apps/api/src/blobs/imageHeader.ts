/**
 * Reads an image's format and pixel size from its first bytes only, so that oversized images (decompression bombs)
 * are refused before any decoding. Pure.
 */
export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export type ImageHeader = { ok: true; mediaType: ImageMediaType; width: number; height: number }
  | { ok: false; reason: 'unsupported' | 'corrupt' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  return b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
}

const ascii = (b: Uint8Array, at: number, len: number): string => String.fromCharCode(...b.subarray(at, at + len));

function png(b: Uint8Array): ImageHeader {
  // signature, then the IHDR chunk: length(4) "IHDR"(4) width(4) height(4)
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return { ok: false, reason: 'corrupt' };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  return width && height ? { ok: true, mediaType: 'image/png', width, height } : { ok: false, reason: 'corrupt' };
}

function jpeg(b: Uint8Array): ImageHeader {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { ok: false, reason: 'corrupt' };
    const marker = b[i + 1]!;
    if (marker === 0xff) { i += 1; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2) return { ok: false, reason: 'corrupt' };
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > b.length) return { ok: false, reason: 'corrupt' };
      const height = (b[i + 5]! << 8) | b[i + 6]!;
      const width = (b[i + 7]! << 8) | b[i + 8]!;
      return width && height ? { ok: true, mediaType: 'image/jpeg', width, height } : { ok: false, reason: 'corrupt' };
    }
    if (marker === 0xd9 || marker === 0xda) return { ok: false, reason: 'corrupt' }; // image data before any frame header
    i += 2 + len;
  }
  return { ok: false, reason: 'corrupt' };
}

function webp(b: Uint8Array): ImageHeader {
  if (b.length < 30) return { ok: false, reason: 'corrupt' };
  const chunk = ascii(b, 12, 4);
  const at = 20;
  if (chunk === 'VP8 ') {
    if (!startsWith(b, [0x9d, 0x01, 0x2a], at + 3)) return { ok: false, reason: 'corrupt' };
    const width = ((b[at + 7]! << 8) | b[at + 6]!) & 0x3fff;
    const height = ((b[at + 9]! << 8) | b[at + 8]!) & 0x3fff;
    return width && height ? { ok: true, mediaType: 'image/webp', width, height } : { ok: false, reason: 'corrupt' };
  }
  if (chunk === 'VP8L') {
    if (b[at] !== 0x2f) return { ok: false, reason: 'corrupt' };
    const bits = b[at + 1]! | (b[at + 2]! << 8) | (b[at + 3]! << 16) | (b[at + 4]! << 24);
    return { ok: true, mediaType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const width = 1 + (b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16));
    const height = 1 + (b[at + 7]! | (b[at + 8]! << 8) | (b[at + 9]! << 16));
    return { ok: true, mediaType: 'image/webp', width, height };
  }
  return { ok: false, reason: 'corrupt' };
}

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (startsWith(bytes, PNG_SIGNATURE)) return png(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webp(bytes);
  return { ok: false, reason: 'unsupported' };
}
