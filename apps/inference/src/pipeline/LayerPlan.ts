/** A layer before unblending: which pixels it covers (full-frame alpha 0..1) and how its hole gets filled. */
export interface LayerPlan {
  name: string;
  kind: 'object' | 'text';
  alpha: Float32Array;
  fill: 'patch' | 'diffusion';
  /** What was read (a text layer), or the read colour kept by an object that OCR mistook for text. */
  text?: { content: string; fontSize: number; color: [number, number, number] };
  confidence: number;
  /** Made for a hint: merged only when nothing else can be. */
  forced: boolean;
  /**
   * A flat shape completed under the layers above it: where `mask` is set and an upper layer's hole is filled, the
   * fill is this colour (the shape's own), not whatever the surroundings suggest.
   */
  hidden?: { mask: Uint8Array; color: [number, number, number] };
  /** The black drop shadow the layer casts around it (alpha 0..1, full frame; see dropShadow.ts). */
  shadow?: Float32Array;
}

export function planArea(plan: LayerPlan): number {
  let sum = 0;
  for (const v of plan.alpha) sum += v;
  return sum;
}

/** Bounding box (inclusive) of the pixels with alpha above `threshold`. */
export function planBounds(
  alpha: ArrayLike<number>,
  w: number,
  threshold = 0,
): { x0: number; y0: number; x1: number; y1: number } | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= threshold) continue;
    const x = i % w;
    const y = (i - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? undefined : { x0, y0, x1, y1 };
}
