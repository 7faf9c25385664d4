import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode } from './ctcGreedyDecode.js';

const charset = ['', 'a', 'b', ' '];

function probs(rows: number[][]): Float32Array {
  return Float32Array.from(rows.flat());
}

describe('ctcGreedyDecode', () => {
  it('merges repeats, drops blanks and keeps a blank-separated double letter', () => {
    // a a _ a b b _ space b
    const p = probs([
      [0.1, 0.9, 0, 0], [0.2, 0.8, 0, 0], [0.9, 0.1, 0, 0], [0, 0.7, 0.3, 0], [0, 0, 1, 0], [0, 0, 1, 0],
      [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0.6, 0.4],
    ]);
    const d = ctcGreedyDecode(p, 9, 4, charset);
    expect(d.text).toBe('aab b');
    expect(d.confidence).toBeCloseTo((0.9 + 0.7 + 1 + 1 + 0.6) / 5, 5);
    expect(d.positions).toEqual([0.5, 3, 4.5, 7, 8]);
  });
  it('returns an empty string with confidence 1 for all blanks', () => {
    expect(ctcGreedyDecode(probs([[1, 0, 0, 0], [1, 0, 0, 0]]), 2, 4, charset)).toEqual({ text: '', confidence: 1, positions: [] });
  });
});
