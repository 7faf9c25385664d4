import type { CanvasLayer } from './layerSet.js';
import type { Rgba } from './rgba.js';

export interface MethodContext {
  /** Ground-truth layer count: only the "random layers" baseline may look at it. */
  gtLayerCount: number;
  seed: number;
  onProgress?: (stage: string, fraction: number) => void;
}

/** A decomposition under test: the pipeline or a baseline. Layers come back on the full canvas, bottom to top. */
export interface Method {
  name: string;
  describe: string;
  /** One-off preparation (model load); timed separately. */
  warmUp?: () => Promise<void>;
  run: (input: Rgba, ctx: MethodContext) => Promise<CanvasLayer[]>;
}
