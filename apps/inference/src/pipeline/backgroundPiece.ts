import type { LayerPlan } from './LayerPlan.js';

/** Below this matte confidence (share of decided pixels, see objectPlans) a component is doubtful. */
export const DOUBTFUL_CONFIDENCE = 0.25;

/**
 * A piece of a busy background that a salient-object matte picked up: a doubtful component (most of its matte
 * neither clearly in nor clearly out) that runs off the frame. Designed objects sit inside the frame with crisp
 * mattes; patches of sequins or mosaic run into the border with soft, patchy mattes.
 */
export function isBackgroundPiece(plan: LayerPlan, width: number, height: number, doubtful = DOUBTFUL_CONFIDENCE): boolean {
  return plan.confidence < doubtful && touchesFrame(plan.alpha, width, height);
}

/** Whether the confident core (alpha > 0.5) reaches the border of the frame. */
export function touchesFrame(alpha: Float32Array, width: number, height: number): boolean {
  const last = (height - 1) * width;
  for (let x = 0; x < width; x++) if (alpha[x]! > 0.5 || alpha[last + x]! > 0.5) return true;
  for (let y = 0; y < height; y++) if (alpha[y * width]! > 0.5 || alpha[y * width + width - 1]! > 0.5) return true;
  return false;
}
