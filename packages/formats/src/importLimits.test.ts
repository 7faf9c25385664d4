import { describe, expect, it } from 'vitest';
import { importDocument } from './importDocument.js';
import { importOra } from './importOra.js';
import { importPsd } from './importPsd.js';
import { DEFAULT_IMPORT_LIMITS } from './limits.js';
import { manyLayerPsd, oraWith, patchPsdHeader, tinyPsd } from './testing/badInputs.js';
import type { FormatErrorCode, Result } from './errors.js';
import type { ImportedDocument } from './ImportedDocument.js';
import { exportOra } from './exportOra.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument } from './testing/documentFixture.js';

function expectError(r: Result<ImportedDocument>, code: FormatErrorCode, message: RegExp): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(message);
}

describe('PSD import refuses bad input before decoding anything', () => {
  const psd = tinyPsd();

  it('reads the valid baseline', async () => {
    const r = await importPsd(psd);
    expect(r.ok && r.value.tree.children.length).toBe(1);
  });

  it('truncated files, cut anywhere', async () => {
    for (let cut = 4; cut < psd.length; cut++) {
      const r = await importPsd(psd.subarray(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (!r.ok) expect(r.error.code, `cut at ${cut}: ${r.error.message}`).toBe('TRUNCATED_FILE');
    }
  });

  it('10000 layers', async () => {
    const started = performance.now();
    expectError(await importPsd(manyLayerPsd(10_000)), 'TOO_MANY_LAYERS', /10000 layers; the limit is 2000/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a 30000×30000 canvas', async () => {
    expectError(await importPsd(patchPsdHeader(psd, { width: 30_000, height: 30_000 })), 'CANVAS_TOO_LARGE', /30000x30000/);
  });

  it('CMYK, Lab, 16-bit and PSB', async () => {
    expectError(await importPsd(patchPsdHeader(psd, { colorMode: 4 })), 'UNSUPPORTED_COLOR_MODE', /CMYK/);
    expectError(await importPsd(patchPsdHeader(psd, { colorMode: 9 })), 'UNSUPPORTED_COLOR_MODE', /Lab/);
    expectError(await importPsd(patchPsdHeader(psd, { depth: 16 })), 'UNSUPPORTED_BIT_DEPTH', /16-bit/);
    expectError(await importPsd(patchPsdHeader(psd, { version: 2 })), 'UNSUPPORTED_FORMAT', /PSB/);
  });

  it('more layer pixels than the limit allows (checked from the layer records)', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxTotalLayerPixels: 3 };
    expectError(await importPsd(psd, { limits }), 'TOO_MUCH_PIXEL_DATA', /more than 3 pixels/);
    const blobs = new MemoryBlobs();
    const ora = await exportOra(await fixtureDocument(blobs), blobs.read);
    expectError(await importOra(ora, { limits: { ...DEFAULT_IMPORT_LIMITS, maxTotalLayerPixels: 1000 } }), 'TOO_MUCH_PIXEL_DATA', /more than 1000 pixels/);
  });

  it('files that are not PSD or ORA', async () => {
    expectError(await importDocument(new TextEncoder().encode('hello world')), 'UNSUPPORTED_FORMAT', /not a PSD or OpenRaster/);
    expectError(await importPsd(new TextEncoder().encode('GIF89a...')), 'INVALID_FILE', /8BPS/);
  });
});

describe('ORA import refuses bad input before decoding anything', () => {
  const layer = (i: number) => `<layer name="l${i}" src="data/x.png" x="0" y="0"/>`;

  it('10000 layers', async () => {
    const xml = `<image w="10" h="10"><stack>${Array.from({ length: 10_000 }, (_, i) => layer(i)).join('')}</stack></image>`;
    expectError(await importOra(oraWith(xml)), 'TOO_MANY_LAYERS', /10000 layers/);
  });

  it('a 30000×30000 canvas', async () => {
    expectError(await importOra(oraWith('<image w="30000" h="30000"><stack/></image>')), 'CANVAS_TOO_LARGE', /30000x30000/);
  });

  it('missing stack.xml, missing layer files, wrong mimetype, broken XML', async () => {
    expectError(await importOra(oraWith(null)), 'INVALID_FILE', /no stack.xml/);
    expectError(await importOra(oraWith(`<image w="10" h="10"><stack>${layer(0)}</stack></image>`)), 'INVALID_FILE', /missing data\/x.png/);
    expectError(await importOra(oraWith('<image w="1" h="1"><stack/></image>', {}, 'application/zip')), 'UNSUPPORTED_FORMAT', /mimetype/);
    expectError(await importOra(oraWith('<image w="1" h="1"><stack></image>')), 'INVALID_FILE', /stack.xml cannot be parsed/);
  });

  it('truncated archives', async () => {
    const blobs = new MemoryBlobs();
    const ora = await exportOra(await fixtureDocument(blobs), blobs.read);
    for (const cut of [100, Math.floor(ora.length / 2), ora.length - 10]) {
      const r = await importDocument(ora.subarray(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (!r.ok) expect(r.error.code, `cut at ${cut}: ${r.error.message}`).toBe('TRUNCATED_FILE');
    }
  });
});
