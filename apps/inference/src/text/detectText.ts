import type { RgbaImage } from '../image.js';
import { classicalTextLines } from './classicalTextLines.js';
import { ctcGreedyDecode } from './ctcGreedyDecode.js';
import { dbPostprocess } from './dbPostprocess.js';
import { detPreprocess } from './detPreprocess.js';
import { mergeLineBoxes } from './mergeLineBoxes.js';
import { normalizeLatin } from './normalizeLatin.js';
import { OcrModelsUnavailableError } from './OcrModelsUnavailableError.js';
import type { LoadResult, OcrModels } from './ocrModels.js';
import { recPreprocess, REC_HEIGHT } from './recPreprocess.js';
import { textAppearance } from './textAppearance.js';
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

export async function detectWithModels(image: RgbaImage, models: OcrModels, signal?: AbortSignal): Promise<TextRegion[]> {
  const det = detPreprocess(image);
  const prob = await models.detect(det.tensor, det.width, det.height);
  signal?.throwIfAborted();
  const boxes = mergeLineBoxes(dbPostprocess(prob, det.width, det.height, det.scaleX, det.scaleY, image.width, image.height));
  const regions: TextRegion[] = [];
  for (const b of boxes) {
    const rec = recPreprocess(image, b.box);
    const out = await models.recognize(rec.tensor, rec.width, REC_HEIGHT);
    signal?.throwIfAborted();
    const decoded = ctcGreedyDecode(out.probs, out.steps, out.classes, models.charset);
    const content = normalizeLatin(decoded.text);
    if (content === '' || decoded.confidence < DROP_SCORE) continue;
    const look = textAppearance(image, b.box, b.core, content);
    if (!look) continue;
    regions.push({ box: look.box, alpha: look.alpha, color: look.color, content, fontSize: look.fontSize, confidence: decoded.confidence });
  }
  return regions;
}

export function detectClassical(image: RgbaImage, signal?: AbortSignal): TextRegion[] {
  const regions: TextRegion[] = [];
  for (const line of classicalTextLines(image)) {
    signal?.throwIfAborted();
    const look = textAppearance(image, line.box, line.core, '');
    if (!look) continue;
    const confidence = Math.round(0.5 * look.separation * 1000) / 1000;
    regions.push({ box: look.box, alpha: look.alpha, color: look.color, content: '', fontSize: look.fontSize, confidence });
  }
  return regions;
}
