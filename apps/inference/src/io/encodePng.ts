import sharp from 'sharp';
import type { RgbaImage } from '../image.js';

/** Lossless RGBA PNG bytes. */
export function encodePng(image: RgbaImage): Promise<Buffer> {
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
