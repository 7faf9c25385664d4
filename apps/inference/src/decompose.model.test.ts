import { describe, expect, it } from 'vitest';
import { decompose } from './decompose.js';
import { compareImages, compositeLayers } from './pipeline/composite.js';
import { noText } from './pipeline/textStage.js';
import { gradientImage, paintDisc, paintRect } from './testing/testImages.js';

// End to end on the real IS-Net model (CPU): one small image, so CI stays fast.
describe('decompose with IS-Net', () => {
  it('separates two shapes from a textured background and recomposes exactly', { timeout: 120_000 }, async () => {
    const input = gradientImage(320, 240, 12);
    paintDisc(input, 90, 110, 50, [230, 40, 50]);
    paintRect(input, 190, 60, 90, 120, [30, 60, 200]);
    const layers = await decompose(input, { layers: 'auto', detectText: noText });
    const objects = layers.filter((l) => l.kind === 'object');
    expect(objects.length).toBeGreaterThanOrEqual(2);
    const disc = objects.find((l) => l.x < 60 && l.x + l.width < 160);
    expect(disc).toBeDefined();
    expect(Math.abs(disc!.width - 100)).toBeLessThanOrEqual(6);
    const score = compareImages(input, compositeLayers(input.width, input.height, layers));
    expect(score.psnr).toBeGreaterThanOrEqual(50);
    expect(score.withinTolerance).toBeGreaterThanOrEqual(0.999);
  });
});
