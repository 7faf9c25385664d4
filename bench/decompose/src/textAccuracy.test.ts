import { describe, expect, it } from 'vitest';
import { matchTextLayers } from './matchTextLayers.js';
import { characterAccuracy } from './textAccuracy.js';
import { CLEAR, RED, row } from './testImages.js';

describe('text accuracy', () => {
  it('is 1 - CER, whitespace-normalised, clamped, 0 for missing', () => {
    expect(characterAccuracy('Sale 5O%', 'Sale  50%')).toBeCloseTo(1 - 1 / 8, 7);
    expect(characterAccuracy('completely different text', 'abc')).toBe(0);
    expect(characterAccuracy(undefined, 'abc')).toBe(0);
  });

  it('matches text layers one-to-one by alpha IoU', () => {
    const gt = [{ rgba: row(RED, CLEAR), text: 'Hi' }, { rgba: row(CLEAR, RED), text: 'Yo' }];
    const pred = [{ rgba: row(CLEAR, RED), text: 'Yo' }, { rgba: row(RED, RED), text: 'Hl' }];
    const m = matchTextLayers(pred, gt);
    expect(m.map((x) => [x.truth, x.recognised, x.accuracy])).toEqual([['Hi', 'Hl', 0.5], ['Yo', 'Yo', 1]]);
  });

  it('scores unmatched text 0 but still reports the best string on any layer', () => {
    const gt = [{ rgba: row(RED, CLEAR), text: 'Hi' }];
    const pred = [{ rgba: row(CLEAR, RED), text: 'Hi' }];
    expect(matchTextLayers(pred, gt)).toEqual([{ truth: 'Hi', recognised: undefined, iou: 0, accuracy: 0, anyLayerAccuracy: 1 }]);
  });
});
