import type { CanvasLayer, LayerKind } from './layerSet.js';
import type { Method } from './method.js';
import { placeOnCanvas, type Rgba } from './rgba.js';

/** The shape of @strata/inference's decompose() as the issue specifies it (checked at run time, not imported). */
interface PipelineLayer {
  name: string;
  kind: LayerKind;
  x: number;
  y: number;
  rgba: Rgba;
  text?: { content: string };
}
type DecomposeFn = (
  input: Rgba,
  options: { layers: 'auto' | number; onProgress?: (stage: string, fraction: number) => void },
) => Promise<unknown>;

function unwrap(result: unknown): PipelineLayer[] {
  if (Array.isArray(result)) return result as PipelineLayer[];
  // Tolerate a Result value { ok: true, value } or { layers }.
  const r = result as { ok?: boolean; value?: unknown; error?: unknown; layers?: unknown };
  if (r && r.ok === false) throw new Error(`decompose failed: ${String((r.error as Error | undefined)?.message ?? r.error)}`);
  if (r && Array.isArray(r.value)) return r.value as PipelineLayer[];
  if (r && Array.isArray(r.layers)) return r.layers as PipelineLayer[];
  throw new TypeError('decompose returned neither layers nor a Result of layers');
}

/** Loads decompose() from @strata/inference, or undefined while the pipeline does not export it yet. */
export async function loadDecompose(): Promise<DecomposeFn | undefined> {
  try {
    const mod = (await import('@strata/inference')) as Record<string, unknown>;
    return typeof mod.decompose === 'function' ? (mod.decompose as DecomposeFn) : undefined;
  } catch (e) {
    process.stderr.write(`@strata/inference failed to load: ${(e as Error).message}\n`);
    return undefined;
  }
}

export function decomposeMethod(decompose: DecomposeFn, layers: 'auto' | number = 'auto'): Method {
  const run = async (input: Rgba, onProgress?: (stage: string, fraction: number) => void): Promise<CanvasLayer[]> => {
    const out = unwrap(await decompose(input, { layers, ...(onProgress ? { onProgress } : {}) }));
    return out.map((l) => ({
      name: l.name,
      kind: l.kind,
      text: l.text?.content,
      rgba: placeOnCanvas(l.rgba, l.x, l.y, input.width, input.height),
    }));
  };
  return {
    name: 'decompose',
    describe: `@strata/inference decompose(layers: ${layers}), in process, warm`,
    // A small synthetic image through the whole pipeline loads and warms every model once.
    warmUp: async () => {
      const w = 256;
      const img: Rgba = { width: w, height: w, data: new Uint8ClampedArray(w * w * 4) };
      for (let i = 0; i < w * w; i++) {
        const x = i % w;
        const y = (i - x) / w;
        const inside = (x - 128) ** 2 + (y - 128) ** 2 < 60 ** 2;
        img.data.set(inside ? [220, 40, 40, 255] : [240, 240, 230, 255], i * 4);
      }
      await run(img);
    },
    run: (input, ctx) => run(input, ctx.onProgress),
  };
}
