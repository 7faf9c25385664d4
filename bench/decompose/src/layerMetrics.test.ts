import { describe, expect, it } from 'vitest';
import { alphaComposite } from './alphaComposite.js';
import { costOf, pairScores } from './layerMetrics.js';
import { BLUE, CLEAR, RED, row } from './testImages.js';

describe('pairScores', () => {
  it('RGB L1 averages only where the ground truth is visible; soft IoU is sum(min)/sum(max)', () => {
    const pred = row(RED, CLEAR);
    const gt = row([0, 0, 0, 255], [0, 0, 0, 128]);
    const s = pairScores(pred, gt);
    expect(s.rgbL1).toBeCloseTo((1 / 3 + 0) / 2, 7);
    expect(s.alphaIou).toBeCloseTo(255 / 383, 7);
    expect(costOf(s)).toBeCloseTo((1 / 6 + 1 - 255 / 383) / 2, 7);
  });

  it('ignores prediction colour where the ground truth is transparent', () => {
    expect(pairScores(row(BLUE, RED), row(BLUE, CLEAR)).rgbL1).toBeCloseTo(0, 6);
  });

  it('scores two empty layers as L1 0 and IoU 0 (LayerD conventions)', () => {
    const s = pairScores(row(CLEAR), row(CLEAR));
    expect(s).toEqual({ rgbL1: 0, alphaIou: 0 });
  });

  it('rejects different sizes', () => {
    expect(() => pairScores(row(RED), row(RED, RED))).toThrow(RangeError);
  });
});

describe('alphaComposite', () => {
  it('blends straight alpha and rounds', () => {
    const out = alphaComposite(row([0, 0, 0, 255], CLEAR), row([255, 255, 255, 128], [255, 255, 255, 128]));
    expect([...out.data]).toEqual([128, 128, 128, 255, 255, 255, 255, 128]);
  });
});
