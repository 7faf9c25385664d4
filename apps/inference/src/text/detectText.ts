import type { Box, RgbaImage } from '../image.js';
import { classicalTextLines } from './classicalTextLines.js';
import { ctcGreedyDecode } from './ctcGreedyDecode.js';
import { dbPostprocess } from './dbPostprocess.js';
import { detPreprocess } from './detPreprocess.js';
import { insertWordSpaces, joinPieces } from './insertWordSpaces.js';
import { groupLines, unionBox } from './groupLines.js';
import { joinTilted } from './joinTilted.js';
import { normalizeLatin } from './normalizeLatin.js';
import { OcrModelsUnavailableError } from './OcrModelsUnavailableError.js';
import type { LoadResult, OcrModels } from './ocrModels.js';
import type { OrientedRect } from './orientedRects.js';
import { recPreprocess, recPreprocessRotated, REC_HEIGHT } from './recPreprocess.js';
import { resolveOverlaps, type OwnedRegion } from './resolveOverlaps.js';
import { textAppearance, type TextAppearance } from './textAppearance.js';
import type { DetectTextOptions, TextRegion } from './TextRegion.js';

/** PaddleOCR's drop_score: recognitions below this confidence are not text. */
const DROP_SCORE = 0.5;

/**
 * Finds text lines in `image`, one region per line, top to bottom. Uses PP-OCRv4 detection + recognition when the
 * models load (the first call loads them; later calls reuse the sessions) and the classical detector otherwise
 * (regions then have content ''). `engine: 'onnx'` makes a missing model an error instead.
 */
export async function detectText(image: RgbaImage, opts: DetectTextOptions = {}): Promise<TextRegion[]> {
  const { signal } = opts;
  const engine = opts.engine ?? 'auto';
  signal?.throwIfAborted();
  if (engine !== 'classical') {
    const loaded = await loadModels(opts.modelDir);
    signal?.throwIfAborted();
    if (loaded.ok) return detectWithModels(image, loaded.models, signal);
    if (engine === 'onnx') throw loaded.error;
  }
  return detectClassical(image, signal);
}

async function loadModels(modelDir: string | undefined): Promise<LoadResult> {
  try {
    // Imported lazily so that a missing native onnxruntime binding leaves the classical detector working.
    const { loadOcrModels } = await import('./ocrModels.js');
    return await loadOcrModels(modelDir);
  } catch (e) {
    return { ok: false, error: new OcrModelsUnavailableError(e instanceof Error ? e.message : String(e)) };
  }
}

async function read(image: RgbaImage, models: OcrModels, box: Box, core: Box, rotated?: OrientedRect): Promise<Piece | null> {
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
async function joinTiltedPieces(
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
async function rereadLine(image: RgbaImage, models: OcrModels, pieces: Piece[]): Promise<Piece[]> {
  if (pieces.some((p) => p.rotated)) return pieces;
  const whole = await read(image, models, pieces.map((p) => p.box).reduce(unionBox), pieces.map((p) => p.core).reduce(unionBox));
  const worst = Math.min(...pieces.map((p) => p.confidence));
  return whole && whole.confidence >= Math.min(worst, 0.9) ? [whole] : pieces;
}

/** Pieces on one line join when their gap is at most this many box heights, or this many character pitches. */
const MAX_GAP_HEIGHTS = 0.8;
const MAX_GAP_PITCHES = 1.6;

interface Piece {
  box: Box;
  core: Box;
  text: string;
  confidence: number;
  /** x of each character in image pixels (empty for a tilted line). */
  xs: number[];
  rotated?: OrientedRect;
}

export async function detectWithModels(image: RgbaImage, models: OcrModels, signal?: AbortSignal): Promise<TextRegion[]> {
  const det = detPreprocess(image);
  const prob = await models.detect(det.tensor, det.width, det.height);
  signal?.throwIfAborted();
  const pieces: Piece[] = [];
  for (const b of dbPostprocess(prob, det.width, det.height, det.scaleX, det.scaleY, image.width, image.height)) {
    const piece = await read(image, models, b.box, b.core, b.rotated);
    signal?.throwIfAborted();
    if (piece) pieces.push(piece);
  }
  // The detector splits a line at wide word gaps (bold display type, tracked-out headings): join the pieces back.
  const pitch = (p: Piece): number => (p.rotated?.length ?? p.box.width) / Math.max(1, Array.from(p.text).length);
  await joinTiltedPieces(image, models, pieces, (a, b) =>
    Math.max(MAX_GAP_HEIGHTS * Math.max(a.rotated?.thickness ?? a.box.height, b.rotated?.thickness ?? b.box.height), MAX_GAP_PITCHES * Math.min(pitch(a), pitch(b))),
  );
  signal?.throwIfAborted();
  const lines = groupLines(pieces, (a, b) =>
    Math.max(MAX_GAP_HEIGHTS * Math.max(a.box.height, b.box.height), MAX_GAP_PITCHES * Math.min(pitch(a), pitch(b))),
  );
  const regions: OwnedRegion[] = [];
  for (const group of lines) {
    const line = group.length > 1 ? await rereadLine(image, models, group) : group;
    signal?.throwIfAborted();
    const box = line.map((p) => p.box).reduce(unionBox);
    const core = line.map((p) => p.core).reduce(unionBox);
    const raw = joinPieces(line.map((p) => p.text));
    const look = textAppearance(image, box, core, raw);
    if (!look) continue;
    const spaced = joinPieces(line.map((p) => insertWordSpaces(p.text, p.xs, look.alpha, look.box, look.fontSize)));
    const content = normalizeLatin(spaced);
    if (content === '') continue;
    const chars = line.reduce((n, p) => n + p.text.length, 0);
    const confidence = line.reduce((s, p) => s + p.confidence * p.text.length, 0) / chars;
    regions.push({ region: toRegion(look, content, confidence), core });
  }
  return resolveOverlaps(regions);
}

export function detectClassical(image: RgbaImage, signal?: AbortSignal): TextRegion[] {
  const regions: OwnedRegion[] = [];
  for (const line of classicalTextLines(image)) {
    signal?.throwIfAborted();
    const look = textAppearance(image, line.box, line.core, '');
    if (!look) continue;
    const confidence = Math.round(0.5 * look.separation * 1000) / 1000;
    regions.push({ region: toRegion(look, '', confidence), core: line.core });
  }
  return resolveOverlaps(regions);
}

function toRegion(look: TextAppearance, content: string, confidence: number): TextRegion {
  const { box, alpha, color, secondColor, fontSize } = look;
  return { box, alpha, color, ...(secondColor ? { secondColor } : {}), content, fontSize, confidence };
}
