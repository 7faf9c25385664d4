import sharp from 'sharp';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecomposeError } from '../errors.js';
import { decodeImage } from './decodeImage.js';
import { encodePng } from './encodePng.js';

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose header claims w x h but holds almost no pixel data. */
function pngHeader(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const code = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof DecomposeError ? e.code : 'OTHER'),
  );

describe('decodeImage', () => {
  it('round-trips RGBA through PNG', async () => {
    const data = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const img = await decodeImage(await encodePng({ width: 2, height: 2, data }));
    expect(img.width).toBe(2);
    expect([...img.data.slice(0, 8)]).toEqual([255, 0, 0, 255, 0, 255, 0, 128]);
  });

  it('rejects non-image bytes, a truncated PNG and a 20000 x 20000 header with codes, quickly', async () => {
    const started = Date.now();
    expect(await code(decodeImage(Buffer.from('not an image')))).toBe('BAD_IMAGE');
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    expect(await code(decodeImage(png.subarray(0, png.length - 30)))).toBe('BAD_IMAGE');
    expect(await code(decodeImage(pngHeader(20000, 20000)))).toBe('IMAGE_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
