import { throwIfAborted } from '../errors.js';
import type { RgbaImage } from '../image.js';
import type { Filler } from './Filler.js';
import { cropMask, cropRgb, holeBounds, pasteRgb } from './holeBounds.js';
import { pushPull } from './pushPull.js';

/** Fast smooth fill for thin holes (text strokes, matte fringes): push-pull diffusion over the hole's bounding box. */
export const diffusionFill: Filler = (image, hole, signal) => {
  throwIfAborted(signal);
  const out: RgbaImage = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  const box = holeBounds(hole, image.width, image.height, 8);
  if (!box) return Promise.resolve(out);
  const rgb = cropRgb(image.data, image.width, box);
  const mask = cropMask(hole, image.width, box);
  const known = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) known[i] = mask[i] ? 0 : 1;
  pushPull(rgb, known, box.width, box.height, 3, 8);
  pasteRgb(out.data, image.width, box, rgb, mask);
  return Promise.resolve(out);
};
