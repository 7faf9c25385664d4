import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('SALE 50%', 'SALE 50%')).toBe(0);
  });
});
