import type { Matte, RgbaImage } from '../image.js';

/**
 * The object-matting stage: a soft foreground matte for an RGB image, at the image's own size. Implemented by the
 * IS-Net adapter (IsnetMatter) and by a classical fallback (ContrastMatter).
 */
export interface Matter {
  readonly name: string;
  matte(image: RgbaImage, signal?: AbortSignal): Promise<Matte>;
}
