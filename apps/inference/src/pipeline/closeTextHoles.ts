import type { LayerPlan } from './LayerPlan.js';

/** Widest hole (pixels along a row or column) a glyph stroke cuts into an object. */
const MAX_HOLE = 48;

/**
 * Objects are matted with the text's pixels taken out, so an object beneath text has glyph-shaped holes. Fills them:
 * a text pixel lying between two pixels of the same object's core, on its row or its column within MAX_HOLE, gets
 * the smaller of their alphas. The object then is whole beneath the text, as it is in the design. Mutates the plans.
 */
export function closeTextHoles(objects: LayerPlan[], claimed: Float32Array, w: number, h: number): void {
  for (const o of objects) {
    const a = o.alpha;
    const fill = new Float32Array(a.length);
    const scan = (start: number, step: number, count: number): void => {
      let last = -1;
      for (let k = 0; k < count; k++) {
        const i = start + k * step;
        if (a[i]! > 0.5) {
          if (last >= 0 && k - last > 1 && k - last <= MAX_HOLE) {
            const v = Math.min(a[i]!, a[start + last * step]!);
            for (let j = last + 1; j < k; j++) {
              const p = start + j * step;
              fill[p] = Math.max(fill[p]!, v);
            }
          }
          last = k;
        } else if (!claimed[i]) {
          last = -1;
        }
      }
    };
    for (let y = 0; y < h; y++) scan(y * w, 1, w);
    for (let x = 0; x < w; x++) scan(x, w, h);
    for (let i = 0; i < a.length; i++) if (claimed[i] && fill[i]! > a[i]!) a[i] = fill[i]!;
  }
}
