import type { Box, Matte, RgbaImage } from '../image.js';

/** Structural copy of the text stage's TextRegion (src/text), so this file compiles before that stage lands. */
export interface DetectedText {
  box: Box;
  alpha: Matte;
  color: [number, number, number];
  content: string;
  fontSize: number;
  confidence: number;
}

export type TextDetector = (image: RgbaImage, opts?: { signal?: AbortSignal }) => Promise<DetectedText[]>;

/** Fallback when the text stage is missing: no text layers (text then goes with the objects or the background). */
export const noText: TextDetector = () => Promise.resolve([]);

/** The OCR stage from src/text when it is present, else the fallback. */
export async function loadTextDetector(): Promise<TextDetector> {
  const path = '../text/index.js';
  try {
    const mod = (await import(path)) as { detectText?: TextDetector };
    return mod.detectText ?? noText;
  } catch {
    return noText;
  }
}
