import { describe, expect, it } from 'vitest';
import { detectClassical } from './detectText.js';
import { renderTextImage } from './renderTextImage.js';

describe('classical text detector', () => {
  it('finds each line of dark and light text, glyph-shaped, with its colour', async () => {
    const image = await renderTextImage({
      width: 520,
      height: 260,
      background: '<rect width="100%" height="100%" fill="#f4efe4"/><rect x="0" y="150" width="520" height="110" fill="#203040"/>',
      lines: [
        { text: 'Fresh bread daily', x: 30, y: 70, fontSize: 40, fontFamily: 'DejaVu Sans', fill: '#8b2500' },
        { text: 'Order now', x: 30, y: 220, fontSize: 48, fontFamily: 'Liberation Serif', fill: '#ffd700' },
      ],
    });
    const regions = detectClassical(image);
    expect(regions).toHaveLength(2);
    const [a, b] = regions;
    expect(a!.content).toBe('');
    expect(a!.box.x).toBeGreaterThanOrEqual(28);
    expect(a!.box.x).toBeLessThanOrEqual(34);
    expect(a!.box.y).toBeGreaterThan(30);
    expect(a!.box.y + a!.box.height).toBeLessThan(85);
    expect(a!.box.width).toBeGreaterThan(300);
    for (const [i, v] of [0x8b, 0x25, 0x00].entries()) expect(Math.abs(a!.color[i]! - v)).toBeLessThanOrEqual(4);
    for (const [i, v] of [0xff, 0xd7, 0x00].entries()) expect(Math.abs(b!.color[i]! - v)).toBeLessThanOrEqual(4);
    expect(b!.box.y).toBeGreaterThan(150);
    for (const r of regions) {
      let clear = 0;
      for (const v of r.alpha.data) if (v < 0.05) clear++;
      expect(clear / r.alpha.data.length).toBeGreaterThan(0.3);
      expect(r.confidence).toBeGreaterThan(0);
    }
  });

  it('finds nothing in a plain gradient', async () => {
    const image = await renderTextImage({
      width: 200,
      height: 120,
      background: '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>',
      lines: [],
    });
    expect(detectClassical(image)).toEqual([]);
  });
});
