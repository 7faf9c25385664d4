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

/** A short read the object matte barely supports is background texture (a ring of a pattern read as "0"). */
const MIN_MATTE_SUPPORT = 0.65;

/**
 * Whether an implausible line is an object worth a layer: the salient-object matte (0..1 per pixel, same size as the
 * plan's alpha) covers its glyph pixels on average at least MIN_MATTE_SUPPORT. Icons read as letters are matted; the
 * rings and dots of a background pattern read as "0" are not, and stay in the background.
 */
export function isMattedObject(plan: LayerPlan, matte: Float32Array): boolean {
  let n = 0;
  let sum = 0;
  plan.alpha.forEach((a, i) => {
    if (a <= 0.5) return;
    n++;
    sum += matte[i]!;
  });
  return n > 0 && sum / n >= MIN_MATTE_SUPPORT;
}

/**
 * An implausible line's plan as an object: its glyph-shaped alpha is the icon's shape, and its read colour stays in
 * `text` so unblending still projects each pixel onto that colour (the layer is output without text).
 */
export function textLikeObject(plan: LayerPlan): LayerPlan {
  return { ...plan, kind: 'object', name: `Object (${plan.name})` };
}
