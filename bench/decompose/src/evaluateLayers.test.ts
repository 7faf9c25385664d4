import { describe, expect, it } from 'vitest';
import { compositeAll } from './alphaComposite.js';
import { aggregateLevels, evaluateLayers, type LevelScores } from './evaluateLayers.js';
import { BLUE, CLEAR, RED, WHITE, row } from './testImages.js';

describe('evaluateLayers', () => {
  it('scores a perfect decomposition as IoU 1, L1 0 and needs no merge', () => {
    const gt = [row(WHITE, WHITE, WHITE), row(RED, RED, CLEAR), row(CLEAR, BLUE, BLUE)];
    const r = evaluateLayers(gt, gt);
    expect(r.levels).toHaveLength(1);
    expect(r.levels[0]).toMatchObject({ edits: 0, rgbL1: 0, alphaIou: 1, cost: 0, predLayers: 3, gtLayers: 3 });
  });

  it('scores "one layer = the input" by hand', () => {
    const bg = row(RED, RED);
    const fg = row(BLUE, CLEAR);
    const r = evaluateLayers([compositeAll([bg, fg])], [bg, fg]);
    // vs bg: L1 = (2/3 + 0) / 2, IoU 1; vs fg: L1 0 (only pixel 0 counts), IoU 255/510.
    expect(r.path).toEqual([[0, 0], [0, 1]]);
    expect(r.levels).toHaveLength(1);
    expect(r.levels[0]!.rgbL1).toBeCloseTo((1 / 3 + 0) / 2, 7);
    expect(r.levels[0]!.alphaIou).toBeCloseTo((1 + 0.5) / 2, 7);
  });

  it('merges two ground-truth layers that the prediction kept as one', () => {
    const bg = row(WHITE, WHITE, WHITE);
    const a = row(RED, RED, CLEAR);
    const b = row(CLEAR, BLUE, BLUE);
    const pred = [bg, compositeAll([a, b])];
    const r = evaluateLayers(pred, [bg, a, b]);
    expect(r.levels.length).toBe(2);
    expect(r.levels[0]!.alphaIou).toBeLessThan(1);
    expect(r.levels[1]).toMatchObject({ edits: 1, rgbL1: 0, alphaIou: 1, predLayers: 2, gtLayers: 2 });
  });
});

describe('aggregateLevels', () => {
  const lv = (edits: number, alphaIou: number): LevelScores => ({
    edits, alphaIou, rgbL1: 0, cost: (1 - alphaIou) / 2, predLayers: 1, gtLayers: 1,
  });
  it('carries a sample\'s last level forward', () => {
    const agg = aggregateLevels([[lv(0, 0.5)], [lv(0, 0.7), lv(1, 0.9)]]);
    expect(agg).toHaveLength(2);
    expect(agg[0]).toMatchObject({ maxEdits: 0, avgEdits: 0, count: 2 });
    expect(agg[0]!.alphaIou).toBeCloseTo(0.6, 7);
    expect(agg[1]).toMatchObject({ maxEdits: 1, avgEdits: 0.5, count: 1 });
    expect(agg[1]!.alphaIou).toBeCloseTo(0.7, 7);
  });
});
