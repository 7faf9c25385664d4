import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { paintDisc, paintRect } from '../testing/testImages.js';
import type { LayerPlan } from './LayerPlan.js';
import { occlusionVote, splitTouching } from './splitTouching.js';

const W = 180;
const H = 160;

function background(): RgbaImage {
  const img = createImage(W, H);
  for (let i = 0; i < W * H; i++) img.data.set([250, 250, 250, 255], i * 4);
  return img;
}

/** The plan covering every pixel that differs from the background. */
function planOf(img: RgbaImage): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) {
    const d = Math.abs(img.data[i * 4]! - 250) + Math.abs(img.data[i * 4 + 1]! - 250) + Math.abs(img.data[i * 4 + 2]! - 250);
    alpha[i] = Math.min(1, d / 60);
  }
  return { name: 'Object 1', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

const at = (x: number, y: number): number => y * W + x;
const overlap = (a: LayerPlan, b: LayerPlan): number => a.alpha.reduce((n, v, i) => n + (v > 0.5 && b.alpha[i]! > 0.5 ? 1 : 0), 0);

/** A face: a flat disc with two eyes and a mouth inside it. */
function face(img: RgbaImage, cx: number, cy: number, r: number, rgb: [number, number, number]): void {
  paintDisc(img, cx, cy, r, rgb);
  paintDisc(img, cx - r / 3, cy - r / 4, r / 7, [40, 30, 20]);
  paintDisc(img, cx + r / 3, cy - r / 4, r / 7, [40, 30, 20]);
  paintRect(img, Math.round(cx - r / 3), Math.round(cy + r / 3), Math.round((2 * r) / 3), 3, [200, 40, 60]);
}

/** A stroke icon: a U of 4 px wide strokes, its right wall at x = 54..57. */
function strokeU(img: RgbaImage, rgb: [number, number, number]): void {
  paintRect(img, 10, 10, 4, 50, rgb);
  paintRect(img, 54, 10, 4, 50, rgb);
  paintRect(img, 10, 56, 48, 4, rgb);
}

describe('splitTouching', () => {
  it('splits two faces that touch into two layers that overlap a little', () => {
    const img = background();
    face(img, 60, 50, 40, [250, 200, 40]);
    face(img, 117, 107, 40, [150, 90, 200]);
    const parts = splitTouching(planOf(img), img, 100);
    expect(parts).toHaveLength(2);
    const [lower, upper] = parts as [LayerPlan, LayerPlan];
    const first = lower.alpha[at(50, 50)]! > 0.5 ? lower : upper;
    const second = first === lower ? upper : lower;
    expect(first.alpha[at(50, 50)]).toBe(1);
    expect(first.alpha[at(125, 115)]).toBe(0);
    expect(second.alpha[at(125, 115)]).toBe(1);
    expect(second.alpha[at(50, 50)]).toBe(0);
    expect(overlap(lower, upper)).toBeGreaterThan(0);
    expect(lower.hidden).toBeDefined();
  });

  it('leaves one face alone', () => {
    const img = background();
    face(img, 60, 40, 30, [250, 200, 40]);
    expect(splitTouching(planOf(img), img, 100)).toHaveLength(1);
  });

  it('puts a stroke icon across a disc above it and completes the disc under the stroke', () => {
    const img = background();
    paintDisc(img, 68, 35, 20, [250, 200, 40]);
    strokeU(img, [170, 30, 20]);
    const parts = splitTouching(planOf(img), img, 100);
    expect(parts).toHaveLength(2);
    const [lower, upper] = parts as [LayerPlan, LayerPlan];
    expect(upper.alpha[at(12, 30)]).toBe(1); // the icon's left wall
    expect(lower.alpha[at(75, 35)]).toBe(1); // the disc
    expect(lower.alpha[at(51, 35)]).toBe(1); // the sliver of disc inside the U goes with the disc
    expect(lower.alpha[at(56, 35)]).toBe(1); // the disc completed under the wall
    expect(lower.hidden?.mask[at(56, 35)]).toBe(1);
    expect(upper.alpha[at(75, 35)]).toBe(0);
  });

  it('leaves a disc inside a frame of its own outline alone', () => {
    const img = background();
    paintRect(img, 20, 10, 60, 60, [30, 60, 160]);
    paintRect(img, 24, 14, 52, 52, [250, 250, 250]);
    paintDisc(img, 50, 40, 20, [90, 170, 240]);
    expect(splitTouching(planOf(img), img, 100)).toHaveLength(1);
  });
});

describe('occlusionVote', () => {
  it('finds a bar lying across a disc above it', () => {
    const bar = new Float32Array(W * H);
    const disc = new Float32Array(W * H);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (x >= 56 && x < 64 && y >= 5 && y < 75) bar[at(x, y)] = 1;
        else if (Math.hypot(x - 60, y - 40) < 20) disc[at(x, y)] = 1;
      }
    }
    expect(occlusionVote(bar, disc, W, H)).toBeGreaterThan(0);
    expect(occlusionVote(disc, bar, W, H)).toBeLessThan(0);
  });
});
