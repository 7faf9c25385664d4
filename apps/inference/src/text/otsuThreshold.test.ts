import { describe, expect, it } from 'vitest';
import { otsuThreshold } from './otsuThreshold.js';

describe('otsuThreshold', () => {
  it('splits a bimodal histogram between its modes with high separation', () => {
    const hist = new Float64Array(256);
    hist[20] = 100;
    hist[22] = 50;
    hist[200] = 30;
    hist[205] = 30;
    const r = otsuThreshold(hist);
    expect(r.threshold).toBeGreaterThan(22);
    expect(r.threshold).toBeLessThan(200);
    expect(r.separation).toBeGreaterThan(0.95);
  });
  it('reports no separation for a single value', () => {
    const hist = new Float64Array(256);
    hist[10] = 5;
    expect(otsuThreshold(hist).separation).toBe(0);
  });
});
