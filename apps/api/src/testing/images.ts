import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG whose IHDR claims width × height (RGBA), with a tiny IDAT: a decompression-bomb stand-in. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(16))), chunk('IEND', new Uint8Array())]);
}

/** A real PNG of a solid colour. */
export function solidPng(width: number, height: number, color = '#3366ff'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: color } }).png().toBuffer();
}

/** A valid PNG header followed by garbage. */
export async function corruptPng(): Promise<Buffer> {
  const good = await solidPng(64, 64);
  const bad = Buffer.from(good);
  for (let i = 40; i < bad.length - 12; i++) bad[i] = (i * 31) & 0xff;
  return bad;
}
