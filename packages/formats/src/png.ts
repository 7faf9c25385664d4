import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { RgbaImage } from '@strata/document';

/** Decodes any PNG to 8-bit straight RGBA, keeping colour under transparent pixels. */
export async function decodePng(bytes: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: false })
    .toColourspace('srgb').ensureAlpha().raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new RangeError(`decoded PNG has ${info.channels} channels`);
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

/** Encodes straight RGBA as a PNG (lossless; colour under alpha 0 kept). */
export async function encodePng(img: RgbaImage, compressionLevel = 6): Promise<Uint8Array> {
  const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  const out = await sharp(raw, { raw: { width: img.width, height: img.height, channels: 4 }, limitInputPixels: false })
    .png({ compressionLevel, adaptiveFiltering: false }).toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface PngHeader { width: number; height: number; bitDepth: number; colorType: number }

/** Reads the IHDR of a PNG without decoding it (null if the bytes are not a PNG). */
export function readPngHeader(bytes: Uint8Array): PngHeader | null {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 33 || sig.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24] ?? 0, colorType: bytes[25] ?? 0 };
}
