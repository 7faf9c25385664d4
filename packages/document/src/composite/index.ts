export type { RgbaImage } from './RgbaImage.js';
export { createRgbaImage } from './RgbaImage.js';
export { compositeTree, type LayerPixelReader } from './compositeTree.js';
export { blendPixel } from './blendChannels.js';
