import { describe, expect, it } from 'vitest';
import { dynamicTimeWarping } from './dtw.js';

describe('dynamicTimeWarping', () => {
  it('follows the cheap diagonal', () => {
    expect(dynamicTimeWarping([[0, 1], [1, 0]]).path).toEqual([[0, 0], [1, 1]]);
  });

  it('maps two predictions onto one ground-truth layer when that is cheaper', () => {
    const r = dynamicTimeWarping([[0, 1], [0, 1], [1, 0]]);
    expect(r.path).toEqual([[0, 0], [1, 0], [2, 1]]);
    expect(r.accumulated).toEqual([[0, 1], [0, 1], [1, 0]]);
  });

  it('prefers the diagonal on ties and always spans both sequences', () => {
    expect(dynamicTimeWarping([[0, 0, 0], [0, 0, 0]]).path).toEqual([[0, 0], [0, 1], [1, 2]]);
    expect(dynamicTimeWarping([[0.5]]).path).toEqual([[0, 0]]);
  });
});
