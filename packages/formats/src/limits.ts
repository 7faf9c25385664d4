/** Bounds checked before any heavy work on an imported file. */
export interface ImportLimits {
  /** largest canvas side in pixels */
  maxSide: number;
  /** largest canvas area in pixels */
  maxCanvasPixels: number;
  /** most layers and groups in one file */
  maxLayers: number;
  /** sum of all layer areas in pixels (bounds decoded memory at about 4 bytes each) */
  maxTotalLayerPixels: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxSide: 16_384,
  maxCanvasPixels: 64 * 1024 * 1024,
  maxLayers: 2_000,
  maxTotalLayerPixels: 128 * 1024 * 1024,
};
