import type { DetectedText } from './textStage.js';
import type { LayerPlan } from './LayerPlan.js';

/** A single "letter" is what the recogniser reads from an icon or a texture (a "0", a "K"), not a text line. */
const MIN_CHARS = 2;
/** Lines up to this many characters need a confident read ("100" read from a pattern of dots is not). */
const SHORT_CHARS = 4;
const MIN_SHORT_CONFIDENCE = 0.9;

/**
 * Whether a detected line is text worth its own layer. The recogniser reads something in almost any compact shape, so
 * very short reads are what icons and textures produce; those become object layers (see textLikeObject).
 * Lines from the classical detector (no content) are kept.
 */
export function isPlausibleText(t: DetectedText): boolean {
  const chars = Array.from(t.content.replace(/\s/g, '')).length;
  if (t.content === '') return true;
  if (chars < MIN_CHARS) return false;
  return chars > SHORT_CHARS || t.confidence >= MIN_SHORT_CONFIDENCE;
}

/**
 * An implausible line's plan as an object: its glyph-shaped alpha is the icon's shape, and its read colour stays in
 * `text` so unblending still projects each pixel onto that colour (the layer is output without text).
 */
export function textLikeObject(plan: LayerPlan): LayerPlan {
  return { ...plan, kind: 'object', name: `Object (${plan.name})` };
}
