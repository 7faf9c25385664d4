/** Hard limits enforced on every change, local or remote. */
export const LIMITS = {
  /** canvas and layer width/height, in pixels (PSD's own maximum) */
  maxDimension: 30_000,
  /** |x| and |y| of a node, in canvas pixels */
  maxCoordinate: 1_000_000,
  maxNodes: 10_000,
  maxIdLength: 64,
  maxNameLength: 256,
  maxTextLength: 10_000,
  maxFontFamilyLength: 128,
  maxFontSize: 4_096,
  /** fractional-index keys grow with repeated inserts at one spot; beyond this a rebalance is needed */
  maxOrderKeyLength: 1_024,
} as const;

/** Node ids: url-safe, short, never the empty string. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/** content hash of a PNG: sha256 as lowercase hex */
export const BLOB_PATTERN = /^[0-9a-f]{64}$/;
export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;
