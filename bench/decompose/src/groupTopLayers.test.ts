import { describe, expect, it } from 'vitest';
import { groupTopLayers } from './groupTopLayers.js';
import { BLUE, CLEAR, RED, WHITE, row } from './testImages.js';

describe('groupTopLayers', () => {
  it('groups top layers that do not overlap each other', () => {
    const layers = [row(WHITE, WHITE, WHITE), row(RED, CLEAR, CLEAR), row(CLEAR, CLEAR, BLUE)];
    expect(groupTopLayers(layers)).toEqual([[0], [1, 2]]);
  });

  it('keeps overlapping layers apart', () => {
    const layers = [row(WHITE, WHITE, WHITE), row(RED, RED, CLEAR), row(CLEAR, BLUE, BLUE)];
    expect(groupTopLayers(layers)).toEqual([[0], [1], [2]]);
  });

  it('groups a lower layer with a disjoint top layer only when nothing above it overlaps it', () => {
    // 1 is disjoint from 2 but covered by 3, so it waits for the next round.
    const layers = [row(WHITE, WHITE, WHITE), row(RED, CLEAR, CLEAR), row(CLEAR, CLEAR, BLUE), row(RED, CLEAR, CLEAR)];
    expect(groupTopLayers(layers)).toEqual([[0], [1], [2, 3]]);
  });
});
