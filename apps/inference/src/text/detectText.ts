import type { Box, RgbaImage } from '../image.js';
import { classicalTextLines } from './classicalTextLines.js';
import { dbPostprocess } from './dbPostprocess.js';
import { detPreprocess } from './detPreprocess.js';
import { INK_DISTANCE, inkRunRight } from './extendLine.js';
import { insertWordSpaces, joinPieces } from './insertWordSpaces.js';
import { groupLines, unionBox } from './groupLines.js';
import { normalizeLatin } from './normalizeLatin.js';
import { OcrModelsUnavailableError } from './OcrModelsUnavailableError.js';
import type { LoadResult, OcrModels } from './ocrModels.js';
import { joinTiltedPieces, read, rereadLine, type Piece } from './readPieces.js';
import { resolveOverlaps, type OwnedRegion } from './resolveOverlaps.js';
import { textAppearance, type TextAppearance } from './textAppearance.js';
import type { DetectTextOptions, TextRegion } from './TextRegion.js';

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

/** Pieces on one line join when their gap is at most this many box heights, or this many character pitches. */
const MAX_GAP_HEIGHTS = 0.8;
const MAX_GAP_PITCHES = 1.6;

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
    let line = group.length > 1 ? await rereadLine(image, models, group) : group;
    signal?.throwIfAborted();
    let box = line.map((p) => p.box).reduce(unionBox);
    let core = line.map((p) => p.core).reduce(unionBox);
    let raw = joinPieces(line.map((p) => p.text));
    let look = textAppearance(image, box, core, raw);
    if (!look) continue;
    const longer = await extendRight(image, models, line, box, core, raw, look.color);
    signal?.throwIfAborted();
    if (longer) {
      // The longer box also holds what overlaps the glyphs (an icon's strokes): when its ink no longer has the
      // line's colour, the alpha stays the short box's and only the reading is the longer one.
      const longerLook = textAppearance(image, longer.box, longer.core, longer.text);
      if (longerLook && sameColor(longerLook.color, look.color)) {
        ({ box, core } = longer);
        look = longerLook;
      }
      line = [longer];
      raw = longer.text;
    }
    const spaced = joinPieces(line.map((p) => insertWordSpaces(p.text, p.xs, look.alpha, look.box, look.fontSize)));
    const content = normalizeLatin(spaced);
    if (content === '') continue;
    const chars = line.reduce((n, p) => n + p.text.length, 0);
    const confidence = line.reduce((s, p) => s + p.confidence * p.text.length, 0) / chars;
    regions.push({ region: toRegion(look, content, confidence), core });
  }
  return resolveOverlaps(regions);
}

/** A line must run on by at least this many kernel heights past its box to be re-read. */
const MIN_EXTENSION_HEIGHTS = 1;

/**
 * Re-reads a line whose glyph colour runs on past the right end of its box (the detector stops where an icon or
 * shape overlaps the glyphs, leaving the rest of the line to an object layer). The longer read is kept when it
 * starts with the short one, says more, and reads confidently; otherwise null.
 */
async function extendRight(
  image: RgbaImage,
  models: OcrModels,
  line: Piece[],
  box: Box,
  core: Box,
  raw: string,
  color: readonly [number, number, number],
): Promise<Piece | null> {
  if (line.some((p) => p.rotated)) return null;
  const right = inkRunRight(image, box, core, color);
  const margin = box.x + box.width - (core.x + core.width);
  if (right - (box.x + box.width) < MIN_EXTENSION_HEIGHTS * core.height) return null;
  const end = Math.min(image.width, right + Math.max(0, margin));
  const longBox = { ...box, width: end - box.x };
  const longCore = { ...core, width: right - core.x };
  const whole = await read(image, models, longBox, longCore);
  if (!whole || whole.confidence < 0.8) return null;
  const stem = raw.replace(/\s+/g, '').slice(0, Math.max(1, raw.replace(/\s+/g, '').length - 2));
  const text = whole.text.replace(/\s+/g, '');
  if (text.length <= stem.length + 2 || !text.startsWith(stem)) return null;
  return whole;
}

function sameColor(a: readonly number[], b: readonly number[]): boolean {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!) <= INK_DISTANCE;
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
