import { describe, expect, it } from 'vitest';
import { estimateFontSize } from './estimateFontSize.js';

describe('estimateFontSize', () => {
  it('uses cap height for capitals and digits', () => {
    expect(estimateFontSize(73, 'SALE 50')).toBeCloseTo(100, 0);
  });
  it('adds the descender when the line has one', () => {
    expect(estimateFontSize(94, 'Hopping')).toBeCloseTo(100, 0);
  });
  it('uses x-height for short lowercase letters only', () => {
    expect(estimateFontSize(53, 'saw ocean')).toBeCloseTo(100, 0);
  });
  it('falls back to a generic ratio for unknown content', () => {
    expect(estimateFontSize(85, '')).toBeCloseTo(100, 0);
  });
});
