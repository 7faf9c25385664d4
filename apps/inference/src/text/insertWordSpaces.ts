import type { Box, Matte } from '../image.js';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
/** Punctuation a word may end with before a space / start with after one; any other punctuation never gets one. */
const ENDS_WORD = new Set([',', ';', ':', '!', '?', ')', ']', '%', '&', '"', '”']);
const STARTS_WORD = new Set(['(', '[', '&', '#', '+', '"', '“', '$', '€', '£', '@']);
/** A word gap is at least this many em wide (wider between digits: tabular '1' leaves wide side gaps)... */
const MIN_GAP_EM = 0.28;
const MIN_DIGIT_GAP_EM = 0.33;
/** ...and this many times the typical gap between letters of the line. */
const MIN_GAP_RATIO = 1.8;

/**
 * The recogniser sometimes drops the space between Latin words (italics, wide or tight tracking). Puts a space
 * between two consecutive characters when the ink of the line has a column gap between their positions that is
 * wide for the font size and for the line's letter spacing. `xs` are the characters' x positions in image pixels
 * (from the CTC alignment); `alpha` covers `box`.
 */
export function insertWordSpaces(text: string, xs: readonly number[], alpha: Matte, box: Box, fontSize: number): string {
  const chars = Array.from(text);
  if (chars.length !== xs.length || chars.length < 2 || CJK.test(text)) return text;
  // runs of ink-free columns strictly inside the ink
  const gaps: Array<{ start: number; end: number }> = [];
  let runStart = -1;
  let seenInk = false;
  for (let x = 0; x < alpha.width; x++) {
    let ink = false;
    for (let y = 0; y < alpha.height; y++) {
      if (alpha.data[y * alpha.width + x]! > 0.25) {
        ink = true;
        break;
      }
    }
    if (!ink && seenInk && runStart < 0) runStart = x;
    if (ink) {
      if (runStart >= 0) gaps.push({ start: box.x + runStart, end: box.x + x });
      runStart = -1;
      seenInk = true;
    }
  }
  if (gaps.length === 0) return text;
  const widths = gaps.map((g) => g.end - g.start).sort((a, b) => a - b);
  const typical = widths[widths.length >> 1]!;
  let out = chars[0]!;
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const next = chars[i]!;
    const a = xs[i - 1]!;
    const b = xs[i]!;
    const allowed = spaceAllowed(chars[i - 2], prev, next);
    const em = DIGIT.test(prev) && DIGIT.test(next) ? MIN_DIGIT_GAP_EM : MIN_GAP_EM;
    const minWidth = Math.max(em * fontSize, MIN_GAP_RATIO * typical);
    const wide = allowed && gaps.some((g) => g.end - g.start >= minWidth && (g.start + g.end) / 2 > a && (g.start + g.end) / 2 < b);
    out += (wide ? ' ' : '') + next;
  }
  return out;
}

/**
 * Whether a space may separate `prev` and `next` (with `before` the character before `prev`): words end in a letter,
 * digit or closing punctuation and start with a letter, digit or opening symbol; a comma or point between digits is
 * a number separator (1,299.00).
 */
export function spaceAllowed(before: string | undefined, prev: string, next: string): boolean {
  if ((prev === ',' || prev === '.') && DIGIT.test(next) && before !== undefined && DIGIT.test(before)) return false;
  return (LETTER_OR_DIGIT.test(prev) || ENDS_WORD.has(prev)) && (LETTER_OR_DIGIT.test(next) || STARTS_WORD.has(next));
}

/** Joins the texts of a line's pieces, with a space where spaceAllowed permits one. */
export function joinPieces(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) {
    if (out === '' || t === '') {
      out += t;
      continue;
    }
    const a = Array.from(out);
    const b = Array.from(t);
    const prev = a[a.length - 1]!;
    const next = b[0]!;
    out += (prev !== ' ' && next !== ' ' && spaceAllowed(a[a.length - 2], prev, next) ? ' ' : '') + t;
  }
  return out;
}
