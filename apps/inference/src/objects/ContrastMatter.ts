import { createMatte, type Matte, type RgbaImage } from '../image.js';
import type { Matter } from './Matter.js';

/**
 * Classical fallback for IS-Net: the background colour is estimated from the image border (per-channel median),
 * and a pixel's matte is a smooth ramp of its colour distance from it. Good for designs on flat backgrounds.
 */
export class ContrastMatter implements Matter {
  readonly name = 'contrast';
  constructor(
    private readonly low = 24,
    private readonly high = 64,
  ) {}

  matte(image: RgbaImage): Promise<Matte> {
    const bg = borderMedian(image);
    const out = createMatte(image.width, image.height);
    const span = this.high - this.low;
    for (let i = 0; i < out.data.length; i++) {
      const d = Math.hypot(
        image.data[i * 4]! - bg[0],
        image.data[i * 4 + 1]! - bg[1],
        image.data[i * 4 + 2]! - bg[2],
      );
      out.data[i] = Math.min(1, Math.max(0, (d - this.low) / span));
    }
    return Promise.resolve(out);
  }
}

export function borderMedian(image: RgbaImage): [number, number, number] {
  const { width: w, height: h, data } = image;
  const channels: number[][] = [[], [], []];
  const push = (x: number, y: number): void => {
    const o = (y * w + x) * 4;
    for (let c = 0; c < 3; c++) channels[c]!.push(data[o + c]!);
  };
  for (let x = 0; x < w; x++) {
    push(x, 0);
    push(x, h - 1);
  }
  for (let y = 1; y < h - 1; y++) {
    push(0, y);
    push(w - 1, y);
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] ?? 0;
  return [median(channels[0]!), median(channels[1]!), median(channels[2]!)];
}
