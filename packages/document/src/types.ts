/**
 * The layer document as plain data: what `materialize(doc)` returns and what exporters, the API and the
 * inference service exchange. Order is bottom to top everywhere (index 0 is the bottom).
 */

export const BLEND_MODES = [
  'normal', 'multiply', 'screen', 'overlay', 'darken', 'lighten', 'color-dodge', 'color-burn',
  'hard-light', 'soft-light', 'difference', 'exclusion', 'hue', 'saturation', 'color', 'luminosity',
] as const;
export type BlendMode = (typeof BLEND_MODES)[number];

/**
 * Properties every node has. `x`, `y` are the top-left corner in canvas pixels (integers). Layers are always
 * positioned in canvas coordinates: a group's own `x`, `y` are not an offset for its children (0 unless set).
 */
export interface NodeBase {
  id: string;
  name: string;
  visible: boolean;
  locked: boolean;
  /** 0..1 */
  opacity: number;
  blendMode: BlendMode;
  x: number;
  y: number;
}

export interface GroupNode extends NodeBase {
  type: 'group';
  /** open in the layers panel (PSD folder open/closed state) */
  expanded: boolean;
  /** bottom to top */
  children: DocNode[];
}

/** Pixels live in blobs: `blob` is the sha256 (hex) of a PNG of exactly width × height pixels. */
export interface RasterLayer extends NodeBase {
  type: 'layer';
  kind: 'raster';
  blob: string;
  width: number;
  height: number;
}

export interface TextStyle {
  content: string;
  fontFamily: string;
  /** pixels */
  fontSize: number;
  /** '#rrggbb' */
  color: string;
  align: 'left' | 'center' | 'right';
}

/**
 * A text layer keeps its string and style, plus a raster rendering (`blob`) for display and export; `blob` is ''
 * until the text has been rendered.
 */
export interface TextLayer extends NodeBase {
  type: 'layer';
  kind: 'text';
  text: TextStyle;
  blob: string;
  width: number;
  height: number;
}

export type LayerNode = RasterLayer | TextLayer;
export type DocNode = GroupNode | LayerNode;

/** A materialised document: canvas size and the top-level nodes, bottom to top. */
export interface DocumentTree {
  width: number;
  height: number;
  children: DocNode[];
}

/** Reads a blob's bytes (a PNG) by its sha256; exporters and compositing take one of these. */
export type BlobReader = (sha256: string) => Promise<Uint8Array>;
