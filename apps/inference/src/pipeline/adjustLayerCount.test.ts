import { describe, expect, it } from 'vitest';
import { gradientImage } from '../testing/testImages.js';
import { mergePlans, splitPlans } from './adjustLayerCount.js';
import type { LayerPlan } from './LayerPlan.js';

const W = 30;
const H = 10;

function square(x0: number, size: number, kind: LayerPlan['kind'] = 'object', forced = false): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let y = 0; y < size; y++) for (let x = x0; x < x0 + size; x++) alpha[y * W + x] = 1;
  return { name: `sq${x0}`, kind, alpha, fill: 'patch', confidence: 1, forced };
}

describe('layer count', () => {
  it('merges the smallest plan into its nearest same-kind neighbour', () => {
    const plans = [square(0, 5), square(6, 2), square(20, 6)];
    const out = mergePlans(plans, 2, W);
    expect(out).toHaveLength(2);
    expect(out.find((p) => p.alpha[0] === 1)!.alpha[6]).toBe(1); // sq6 joined sq0, not sq20
  });

  it('keeps forced plans until nothing else can merge, and can merge everything into the background', () => {
    const out = mergePlans([square(0, 2, 'object', true), square(10, 5), square(20, 5)], 1, W);
    expect(out).toHaveLength(1);
    expect(out[0]!.forced).toBe(true);
    expect(mergePlans([square(0, 5)], 0, W)).toHaveLength(0);
  });

  it('joins two text plans into a text plan with both strings', () => {
    const a = { ...square(0, 3, 'text'), text: { content: 'a', fontSize: 3, color: [0, 0, 0] as [number, number, number] } };
    const b = { ...square(5, 3, 'text'), text: { content: 'b', fontSize: 3, color: [0, 0, 0] as [number, number, number] } };
    const [merged] = mergePlans([a, b], 1, W);
    expect(merged!.kind).toBe('text');
    expect(merged!.text!.content.split('\n').sort()).toEqual(['a', 'b']);
  });

  it('splits to reach an exact count, from nothing if needed', () => {
    const image = gradientImage(W, H);
    expect(splitPlans([], 3, image)).toHaveLength(3);
    const out = splitPlans([square(0, 8)], 2, image);
    expect(out).toHaveLength(2);
    const total = (p: LayerPlan): number => p.alpha.reduce((s, v) => s + v, 0);
    expect(total(out[0]!) + total(out[1]!)).toBe(64);
  });
});
