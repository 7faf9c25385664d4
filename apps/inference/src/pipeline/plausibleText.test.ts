import { describe, expect, it } from 'vitest';
import type { LayerPlan } from './LayerPlan.js';
import { isMattedObject, isPlausibleText } from './plausibleText.js';
import type { DetectedText } from './textStage.js';

function read(content: string, confidence: number): DetectedText {
  return { box: { x: 0, y: 0, width: 1, height: 1 }, alpha: { width: 1, height: 1, data: new Float32Array(1) }, color: [0, 0, 0], content, fontSize: 10, confidence };
}

describe('isPlausibleText', () => {
  it('rejects single letters and unsure short reads', () => {
    expect(isPlausibleText(read('K', 0.995))).toBe(false);
    expect(isPlausibleText(read('0O', 0.58))).toBe(false);
    expect(isPlausibleText(read('100', 0.845))).toBe(false);
  });

  it('keeps words, confident short reads and classical detections', () => {
    expect(isPlausibleText(read('New', 0.999))).toBe(true);
    expect(isPlausibleText(read('Hi', 0.9))).toBe(true);
    expect(isPlausibleText(read('Tickets Festi', 0.5))).toBe(true);
    expect(isPlausibleText(read('', 0.3))).toBe(true);
  });
});

describe('isMattedObject', () => {
  // a 4-pixel frame: the read glyph covers the first two pixels
  const glyph: LayerPlan = { name: 'Text “0”', kind: 'text', alpha: new Float32Array([1, 0.9, 0.2, 0]), fill: 'diffusion', confidence: 0.5, forced: false };

  it('keeps a read the object matte covers (an icon read as a letter)', () => {
    expect(isMattedObject(glyph, new Float32Array([1, 0.8, 0, 0]))).toBe(true);
  });

  it('drops a read the matte barely sees (a ring of a background pattern), ignoring pixels outside the glyph', () => {
    expect(isMattedObject(glyph, new Float32Array([0.5, 0.4, 1, 1]))).toBe(false);
  });
});
