import type { Rgba } from './rgba.js';

function overlaps(a: Rgba, b: Rgba): boolean {
  const x = a.data;
  const y = b.data;
  for (let i = 3; i < x.length; i += 4) if (x[i]! > 0 && y[i]! > 0) return true;
  return false;
}

/**
 * LayerD's group_top_layers_indices: repeatedly take, from the remaining layers (bottom to top), every layer whose
 * alpha > 0 region overlaps no layer above it; that set is one group. Returns the groups bottom to top, each group's
 * indices in ascending order. Layers in one group never overlap, so compositing them loses nothing.
 */
export function groupTopLayers(layers: readonly Rgba[]): number[][] {
  const groups: number[][] = [];
  let remaining = layers.map((_, i) => i);
  const memo = new Map<string, boolean>();
  const overlap = (a: number, b: number): boolean => {
    const key = `${a},${b}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = overlaps(layers[a]!, layers[b]!);
      memo.set(key, v);
    }
    return v;
  };
  while (remaining.length > 0) {
    const group = remaining.filter((target, k) => remaining.slice(k + 1).every((other) => !overlap(target, other)));
    groups.push(group);
    remaining = remaining.filter((i) => !group.includes(i));
  }
  return groups.reverse();
}
