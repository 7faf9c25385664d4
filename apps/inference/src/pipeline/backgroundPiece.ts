import type { LayerPlan } from './LayerPlan.js';

/** Below this matte confidence (share of decided pixels, see objectPlans) a component is doubtful. */
export const DOUBTFUL_CONFIDENCE = 0.25;

/**
 * A line of a patterned background: its core covers less than this share of its bounding box. Stroke icons (Lucide
 * draws 2 units on a 24-unit grid) cover 15 % and more; a hairline ring or arc of the pattern covers 5–8 %.
 */
const MAX_HAIRLINE_FILL = 0.1;

/**
 * A piece of a busy background that a salient-object matte picked up: a doubtful component (most of its matte
 * neither clearly in nor clearly out) that runs off the frame, or a hairline outline. Designed objects sit inside the frame with crisp
 * mattes; patches of sequins or mosaic run into the border with soft, patchy mattes.
 */
export function isBackgroundPiece(plan: LayerPlan, width: number, height: number, doubtful = DOUBTFUL_CONFIDENCE): boolean {
  return (plan.confidence < doubtful && touchesFrame(plan.alpha, width, height)) || coreFill(plan.alpha, width) < MAX_HAIRLINE_FILL;
}

/** Share of the core's (alpha > 0.5) bounding box that the core covers; 1 for an empty core. */
export function coreFill(alpha: Float32Array, width: number): number {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  let n = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.5) continue;
    const x = i % width;
    const y = (i - x) / width;
    n++;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return n === 0 ? 1 : n / ((x1 - x0 + 1) * (y1 - y0 + 1));
}

/** Whether the confident core (alpha > 0.5) reaches the border of the frame. */
export function touchesFrame(alpha: Float32Array, width: number, height: number): boolean {
  const last = (height - 1) * width;
  for (let x = 0; x < width; x++) if (alpha[x]! > 0.5 || alpha[last + x]! > 0.5) return true;
  for (let y = 0; y < height; y++) if (alpha[y * width]! > 0.5 || alpha[y * width + width - 1]! > 0.5) return true;
  return false;
}
