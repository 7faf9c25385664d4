import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { refineTextAlpha } from './refineTextAlpha.js';

describe('refineTextAlpha', () => {
  it('keeps pixels explained as text colour over the background and drops the rest', () => {
    const filled = createImage(3, 1);
    const target = createImage(3, 1);
    for (let i = 0; i < 3; i++) filled.data.set([200, 200, 200, 255], i * 4);
    target.data.set([100, 100, 100, 255], 0); // 50% black text over grey
    target.data.set([0, 0, 0, 255], 4); // solid black text
    target.data.set([230, 120, 30, 255], 8); // an orange detail under the text box
    const alpha = Float32Array.from([1, 1, 1]);
    expect(refineTextAlpha(target, filled, alpha, [0, 0, 0])).toBe(1);
    expect([...alpha]).toEqual([1, 1, 0]);
  });
});
