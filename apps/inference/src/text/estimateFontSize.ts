/** Typical glyph metrics in em (averaged over DejaVu, Liberation/Arial, Times-like fonts). */
const CAP_OR_ASCENDER = 0.73;
const X_HEIGHT = 0.53;
const DESCENDER = 0.21;
const CJK_HEIGHT = 0.88;
/** Extent / em for an unknown string (mixed case, often with a descender). */
const UNKNOWN = 0.85;

const TALL = /[A-Z0-9bdfhiklt!?%$&@#()[\]{}|/\\'"]/;
const DESCENDS = /[gjpqy(),;[\]{}|@$]/;
const SMALL = /[a-z]/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * The em size (CSS font-size, px) of a text line from the vertical extent of its glyphs (top of the highest to the
 * bottom of the lowest ink row), using the recognised content to know whether ascenders/descenders are present.
 */
export function estimateFontSize(extentPx: number, content: string): number {
  let ratio: number;
  if (content.trim() === '') ratio = UNKNOWN;
  else if (CJK.test(content)) ratio = CJK_HEIGHT;
  else {
    const top = TALL.test(content) ? CAP_OR_ASCENDER : SMALL.test(content) ? X_HEIGHT : CAP_OR_ASCENDER;
    ratio = top + (DESCENDS.test(content) ? DESCENDER : 0);
  }
  return Math.max(1, Math.round((extentPx / ratio) * 10) / 10);
}
