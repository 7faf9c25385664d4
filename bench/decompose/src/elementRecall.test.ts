import { describe, expect, it } from 'vitest';
import { compositeAll } from './alphaComposite.js';
import { elementRecall, elementType } from './elementRecall.js';
import type { LayerSet } from './layerSet.js';
import type { ElementSpec } from './sceneSpec.js';
import { BLUE, CLEAR, RED, WHITE, row } from './testImages.js';

const card: ElementSpec = { kind: 'shape', shape: 'rect', x: 0, y: 0, width: 2, height: 1, fill: '#ff0000', opacity: 0.5 };
const icon: ElementSpec = { kind: 'object', asset: 'icon', path: 'a.svg', x: 1, y: 0, size: 2, rotation: 0, color: '#0000ff', opacity: 1 };

function set(...rgba: ReturnType<typeof row>[]): LayerSet {
  return { width: 3, height: 1, layers: rgba.map((r, i) => ({ name: `${i}`, kind: i === 0 ? 'background' : 'object', rgba: r })) };
}

describe('elementRecall', () => {
  it('names element types, see-through when the opacity is below 1', () => {
    expect(elementType(card)).toBe('shape, see-through');
    expect(elementType(icon)).toBe('icon');
    expect(elementType({ kind: 'text', content: 'Hi', font: 'x', weight: 'bold', size: 9, color: '#000', x: 0, y: 0 })).toBe('text');
  });

  it('gives each element the IoU of its best single predicted layer, never the background', () => {
    const bg = row(WHITE, WHITE, WHITE);
    const a = row(RED, RED, CLEAR);
    const b = row(CLEAR, BLUE, BLUE);
    const gt = set(bg, a, b);
    expect(elementRecall(gt, gt, [card, icon]).map((m) => m.bestIou)).toEqual([1, 1]);
    // both elements merged into one layer: each covers 2 of its 3 pixels
    const merged = elementRecall(set(bg, compositeAll([a, b])), gt, [card, icon]);
    expect(merged.map((m) => m.bestIou)).toEqual([2 / 3, 2 / 3]);
    // the icon left in the background: only the card's layer touches it (1 pixel of 3 in their union)
    expect(elementRecall(set(compositeAll([bg, b]), a), gt, [card, icon]).map((m) => m.bestIou)).toEqual([1, 1 / 3]);
  });
});
