import { planBounds, type LayerPlan } from './LayerPlan.js';

/** Widest hole (pixels along a row or column) a glyph stroke cuts into an object. */
const MAX_HOLE = 48;

/**
 * Objects are matted with the text's pixels taken out, so an object beneath text has glyph-shaped holes. Fills them:
 * a text pixel lying between two pixels of the same object's core, on its row or its column within MAX_HOLE, gets
 * the smaller of their alphas. The object then is whole beneath the text, as it is in the design. Mutates the plans.
 */
export function closeTextHoles(objects: LayerPlan[], claimed: Float32Array, w: number, h: number): void {
  const fill = new Float32Array(w * h);
  for (const o of objects) {
    const a = o.alpha;
    const b = planBounds(a, w, 0.5);
    if (!b) continue;
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
    for (let y = b.y0; y <= b.y1; y++) scan(y * w + b.x0, 1, b.x1 - b.x0 + 1);
    for (let x = b.x0; x <= b.x1; x++) scan(b.y0 * w + x, w, b.y1 - b.y0 + 1);
    for (let y = b.y0; y <= b.y1; y++) {
      for (let i = y * w + b.x0; i <= y * w + b.x1; i++) {
        if (claimed[i] && fill[i]! > a[i]!) a[i] = fill[i]!;
        fill[i] = 0;
      }
    }
  }
}
