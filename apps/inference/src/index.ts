export * from './image.js';
export * from './errors.js';
export type { Layer, LayerKind, Stage } from './Layer.js';
export type { Hint } from './pipeline/Hint.js';
export type { Matter } from './objects/Matter.js';
export { ContrastMatter } from './objects/ContrastMatter.js';
export type { TextDetector, DetectedText } from './pipeline/textStage.js';
export { compositeLayers, compareImages } from './pipeline/composite.js';
export { decompose, defaultMatter, type DecomposeOptions } from './decompose.js';
