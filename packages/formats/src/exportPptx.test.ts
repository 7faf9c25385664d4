import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPng } from './exportPng.js';
import { exportPptx } from './exportPptx.js';
import { decodePng } from './png.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument } from './testing/documentFixture.js';
import { psnrOnWhite } from './testing/psnr.js';
import { requireFont, run } from './testing/tools.js';

describe('PPTX export', async () => {
  const blobs = new MemoryBlobs();
  const tree = await fixtureDocument(blobs, { normalOnly: true });
  const pptx = await exportPptx(tree, blobs.read);
  const dir = mkdtempSync(join(tmpdir(), 'strata-pptx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds one slide of the canvas aspect, pictures in stacking order, the text as a text box, hidden layers left out', () => {
    const files = unzipSync(pptx);
    const pres = strFromU8(files['ppt/presentation.xml']!);
    const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(pres) ?? [];
    expect(Number(cx) / Number(cy)).toBeCloseTo(320 / 240, 3);
    const slide = strFromU8(files['ppt/slides/slide1.xml']!);
    const pics = [...slide.matchAll(/<p:cNvPr id="\d+" name="[^"]*" descr="([^"]*)"/g)].map((m) => m[1]);
    expect(pics).toEqual(['Background', 'Red disc', 'Blue disc', 'Yellow box', 'Off the edge']);
    expect(slide).toContain('<a:t>Hello Strata</a:t>');
    expect(slide).toMatch(/latin typeface="DejaVu Sans"/);
    expect(slide.indexOf('Off the edge')).toBeLessThan(slide.indexOf('Hello Strata'));
  });

  // LibreOffice's PNG filter takes the pixel size as JSON options (LibreOffice ≥ 7.4)
  const pngAtCanvasSize = `png:impress_png_Export:${JSON.stringify({ PixelWidth: { type: 'long', value: '320' }, PixelHeight: { type: 'long', value: '240' } })}`;

  it('LibreOffice renders it like the flattened composite (PSNR ≥ 30 dB)', async () => {
    requireFont();
    const file = join(dir, 'doc.pptx');
    writeFileSync(file, pptx);
    // a private profile so parallel runs and a user's LibreOffice do not collide
    run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', pngAtCanvasSize, '--outdir', dir, file], { timeout: 120_000 });
    const rendered = await sharp(readFileSync(join(dir, 'doc.png'))).resize(320, 240, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
    const ours = await decodePng(await exportPng(tree, blobs.read));
    const psnr = psnrOnWhite({ width: 320, height: 240, data: new Uint8ClampedArray(rendered) }, ours);
    // pictures land exactly; the text box's first baseline sits about 1 px lower than our preview's
    expect(psnr).toBeGreaterThanOrEqual(30);
  }, 180_000);
});
