import { describe, expect, it } from 'vitest';
import { Histogram } from './Histogram.js';

describe('Histogram', () => {
  it('reports quantiles within one bucket', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.record(i / 10); // 0.1 .. 100 ms
    expect(h.quantile(0.5)).toBeCloseTo(50, 0);
    expect(h.quantile(0.99)).toBeCloseTo(99, 0);
    expect(h.summary().count).toBe(1000);
    expect(h.max).toBe(100);
  });
});
