import { decompose, type DecomposeOptions } from '../decompose.js';
import { DecomposeError } from '../errors.js';
import { decodeImage } from '../io/decodeImage.js';
import { encodePng } from '../io/encodePng.js';
import type { Hint } from '../pipeline/Hint.js';
import type { BlobDir } from './BlobDir.js';
import type { ClaimedJob, DecomposeJobOptions, DecomposeJobResult } from './JobQueue.js';

export type JobOutcome =
  | { ok: true; result: DecomposeJobResult; blobs: { sha256: string; bytes: number; width: number; height: number }[] }
  | { ok: false; message: string; retryable: boolean };

/** Read a job's options (untrusted JSON) into typed options, or an error message. */
export function parseJobOptions(raw: unknown): { ok: true; value: DecomposeJobOptions } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'job options must be an object' };
  const o = raw as Record<string, unknown>;
  if (typeof o.blob !== 'string' || !/^[0-9a-f]{64}$/.test(o.blob)) return { ok: false, error: 'job options need a blob sha256' };
  const layers = o.layers ?? 'auto';
  if (layers !== 'auto' && typeof layers !== 'number') return { ok: false, error: "layers must be 'auto' or a number" };
  const hints = o.hints ?? [];
  if (!Array.isArray(hints)) return { ok: false, error: 'hints must be a list' };
  return { ok: true, value: { blob: o.blob, layers, hints: hints as Hint[] } };
}

/** Run one decomposition job: input blob in, one PNG blob per layer out. Expected failures are values. */
export async function runJob(
  job: ClaimedJob,
  blobs: BlobDir,
  onProgress: (fraction: number, message: string) => void,
  signal: AbortSignal,
  engine: Pick<DecomposeOptions, 'matter' | 'detectText'> = {},
): Promise<JobOutcome> {
  const options = parseJobOptions(job.options);
  if (!options.ok) return { ok: false, message: options.error, retryable: false };
  try {
    const bytes = await blobs.get(options.value.blob);
    if (!bytes) return { ok: false, message: `input blob ${options.value.blob} not found`, retryable: false };
    const input = await decodeImage(bytes);
    const weights = { text: [0, 0.1], objects: [0.1, 0.5], fill: [0.5, 0.9], unblend: [0.9, 0.95] } as const;
    const layers = await decompose(input, {
      ...engine,
      layers: options.value.layers ?? 'auto',
      hints: options.value.hints ?? [],
      signal,
      onProgress: (stage, f) => {
        const [a, b] = weights[stage];
        onProgress(a + (b - a) * f, stage);
      },
    });
    const written = await Promise.all(
      layers.map(async (l) => {
        const png = await encodePng(l.rgba);
        return { sha256: await blobs.put(png), bytes: png.length, width: l.width, height: l.height };
      }),
    );
    onProgress(1, 'done');
    return {
      ok: true,
      blobs: written,
      result: {
        width: input.width,
        height: input.height,
        layers: layers.map((l, i) => ({
          blob: written[i]!.sha256,
          name: l.name,
          kind: l.kind,
          x: l.x,
          y: l.y,
          width: l.width,
          height: l.height,
          ...(l.text ? { text: l.text } : {}),
          confidence: l.confidence,
        })),
      },
    };
  } catch (error) {
    if (error instanceof DecomposeError) {
      return { ok: false, message: error.message, retryable: error.code === 'MODEL_UNAVAILABLE' };
    }
    return { ok: false, message: `internal error: ${String(error)}`, retryable: true };
  }
}
