import type { Box, RgbaImage } from '../image.js';

/** A pixel is the line's ink when its RGB lies within this Euclidean distance of the glyph colour. */
export const INK_DISTANCE = 40;
/** A column holds ink when at least this share of the kernel's rows are ink-coloured. */
const MIN_INK_ROWS = 0.06;
/** The run continues across ink-free gaps of at most this many kernel heights (a word space, or a thin stroke of an icon lying over the glyphs). */
const MAX_GAP_HEIGHTS = 1.3;

/**
 * Follows a text line past the right end of its detected box: steps column by column along the kernel rows
 * (`core`) while columns keep holding pixels of the glyph `color` with ink-free gaps no wider than a word space.
 * The detector cuts a line where an icon or shape overlaps its glyphs; the ink of the same colour and height goes on.
 * Returns the right edge (exclusive, image pixels) of the last ink column found, or the box's own right edge.
 */
export function inkRunRight(image: RgbaImage, box: Box, core: Box, color: readonly [number, number, number]): number {
  const { width, data } = image;
  const y0 = core.y;
  const y1 = core.y + core.height;
  const maxGap = Math.max(2, Math.round(MAX_GAP_HEIGHTS * core.height));
  const need = Math.max(1, Math.ceil(MIN_INK_ROWS * core.height));
  const d2 = INK_DISTANCE * INK_DISTANCE;
  let right = box.x + box.width;
  let gap = 0;
  for (let x = right; x < width && gap <= maxGap; x++) {
    let n = 0;
    for (let y = y0; y < y1; y++) {
      const i = (y * width + x) * 4;
      const dr = data[i]! - color[0], dg = data[i + 1]! - color[1], db = data[i + 2]! - color[2];
      if (dr * dr + dg * dg + db * db <= d2) n++;
    }
    if (n >= need) {
      right = x + 1;
      gap = 0;
    } else gap++;
  }
  return right;
}
