import type { Box, RgbaImage } from '../image.js';
import { ctcGreedyDecode } from './ctcGreedyDecode.js';
import { unionBox } from './groupLines.js';
import { joinTilted } from './joinTilted.js';
import type { OcrModels } from './ocrModels.js';
import type { OrientedRect } from './orientedRects.js';
import { recPreprocess, recPreprocessRotated, REC_HEIGHT } from './recPreprocess.js';

/** PaddleOCR's drop_score: recognitions below this confidence are not text. */
const DROP_SCORE = 0.5;

/** Recognises one detected piece of a line; null when it reads as nothing or below DROP_SCORE. */
export async function read(image: RgbaImage, models: OcrModels, box: Box, core: Box, rotated?: OrientedRect): Promise<Piece | null> {
  const rec = rotated ? recPreprocessRotated(image, rotated) : recPreprocess(image, box);
  const out = await models.recognize(rec.tensor, rec.width, REC_HEIGHT);
  const decoded = ctcGreedyDecode(out.probs, out.steps, out.classes, models.charset);
  if (decoded.confidence < DROP_SCORE || decoded.text.trim() === '') return null;
  // CTC step -> x in the image: steps cover the whole tensor width, the line fills the first contentWidth columns.
  // (A tilted line gets no positions: word spaces are then the model's own.)
  const stepToX = (t: number): number => box.x + (((t + 0.5) * rec.width) / out.steps / rec.contentWidth) * box.width;
  const xs = rotated ? [] : decoded.positions.map(stepToX);
  return { box, core, text: decoded.text, confidence: decoded.confidence, xs, ...(rotated ? { rotated } : {}) };
}

function uprightRect(box: Box): OrientedRect {
  return { cx: box.x + box.width / 2, cy: box.y + box.height / 2, length: box.width, thickness: box.height, angle: 0 };
}

/** Joins tilted pieces of one line in place (re-reading the joined rectangle), until none join. */
export async function joinTiltedPieces(
  image: RgbaImage,
  models: OcrModels,
  pieces: Piece[],
  maxGap: (a: Piece, b: Piece) => number,
): Promise<void> {
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const a = pieces[i]!;
      const b = pieces[j]!;
      if (!a.rotated && !b.rotated) continue;
      // a short word of a tilted line may measure as upright: take its box as a rectangle at angle 0
      const rect = joinTilted(a.rotated ?? uprightRect(a.box), b.rotated ?? uprightRect(b.box), maxGap(a, b));
      if (!rect) continue;
      const whole = await read(image, models, unionBox(a.box, b.box), unionBox(a.core, b.core), rect);
      if (!whole || whole.confidence < Math.min(a.confidence, b.confidence, 0.9)) continue;
      pieces[i] = whole;
      pieces.splice(j, 1);
      j = i;
    }
  }
}

/**
 * Reads a line the detector had split as a whole: overlapping piece boxes otherwise read a sliver of the
 * neighbouring word twice. Keeps the pieces if the whole line reads worse.
 */
export async function rereadLine(image: RgbaImage, models: OcrModels, pieces: Piece[]): Promise<Piece[]> {
  if (pieces.some((p) => p.rotated)) return pieces;
  const whole = await read(image, models, pieces.map((p) => p.box).reduce(unionBox), pieces.map((p) => p.core).reduce(unionBox));
  const worst = Math.min(...pieces.map((p) => p.confidence));
  return whole && whole.confidence >= Math.min(worst, 0.9) ? [whole] : pieces;
}

/** A recognised piece of a text line. */
export interface Piece {
  box: Box;
  core: Box;
  text: string;
  confidence: number;
  /** x of each character in image pixels (empty for a tilted line). */
  xs: number[];
  rotated?: OrientedRect;
}
