import type { RgbaImage } from '../image.js';

/**
 * Background completion: returns a copy of `image` whose pixels under `hole` (1 = unknown) are synthesised from the
 * rest. Implemented by diffusionFill (smooth, for thin regions like text strokes) and patchMatchFill (texture).
 */
export type Filler = (image: RgbaImage, hole: Uint8Array, signal?: AbortSignal) => Promise<RgbaImage>;
