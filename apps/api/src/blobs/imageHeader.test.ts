import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from './imageHeader.js';
import { pngHeaderOnly } from '../testing/images.js';

const img = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 4, background: '#ff000080' } });

describe('readImageHeader', () => {
  it('reads PNG, JPEG and WebP (lossy and lossless) sizes', async () => {
    expect(readImageHeader(await img(33, 17).png().toBuffer())).toEqual({ ok: true, mediaType: 'image/png', width: 33, height: 17 });
    expect(readImageHeader(await img(33, 17).jpeg().toBuffer())).toEqual({ ok: true, mediaType: 'image/jpeg', width: 33, height: 17 });
    expect(readImageHeader(await img(33, 17).webp().toBuffer())).toMatchObject({ ok: true, mediaType: 'image/webp', width: 33, height: 17 });
    expect(readImageHeader(await img(33, 17).webp({ lossless: true }).toBuffer())).toMatchObject({ width: 33, height: 17 });
  });
  it('reads a bomb header without decoding', () => {
    expect(readImageHeader(pngHeaderOnly(100_000, 100_000))).toEqual({ ok: true, mediaType: 'image/png', width: 100_000, height: 100_000 });
  });
  it('rejects other formats and truncated headers', () => {
    expect(readImageHeader(new TextEncoder().encode('hello, I am a text file'))).toEqual({ ok: false, reason: 'unsupported' });
    expect(readImageHeader(new Uint8Array())).toEqual({ ok: false, reason: 'unsupported' });
    expect(readImageHeader(pngHeaderOnly(10, 10).subarray(0, 20))).toEqual({ ok: false, reason: 'corrupt' });
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
