import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compositeAll } from './alphaComposite.js';
import { findAssets } from './assets.js';
import { singleLayer } from './baselines.js';
import { ensureDataset } from './dataset.js';
import { readLayerSet, readPng } from './layerSetIo.js';
import { sceneSpec } from './sceneSpec.js';
import { scoreScene } from './scoreScene.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('generator + metric smoke', () => {
  it('specs are deterministic per seed and index, and differ across indices', () => {
    const assets = findAssets();
    expect(sceneSpec(7, 3, assets)).toEqual(sceneSpec(7, 3, assets));
    expect(sceneSpec(7, 3, assets)).not.toEqual(sceneSpec(7, 4, assets));
    const s = sceneSpec(7, 3, assets);
    expect(s.width).toBeGreaterThanOrEqual(768);
    expect(s.width).toBeLessThanOrEqual(1280);
    expect(s.elements.some((e) => e.kind === 'text')).toBe(true);
  });

  it('writes a scene whose ground-truth layers recompose to the input and score perfectly against themselves', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'bench-decompose-'));
    dirs.push(cacheDir);
    const [scene] = await ensureDataset({ seed: 3, count: 1, cacheDir, size: { width: 200, height: 160 } });
    const gt = await readLayerSet(scene!.gtDir);
    const input = await readPng(scene!.input);
    expect(gt.layers.length).toBe(scene!.spec.elements.length + 1);
    expect(gt.layers[0]!.kind).toBe('background');
    expect(gt.layers.filter((l) => l.kind === 'text').map((l) => l.text)).toEqual(
      scene!.spec.elements.flatMap((e) => (e.kind === 'text' ? [e.content] : [])),
    );
    const comp = compositeAll(gt.layers.map((l) => l.rgba));
    let maxDiff = 0;
    for (let i = 0; i < comp.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(comp.data[i]! - input.data[i]!));
    expect(maxDiff).toBeLessThanOrEqual(1);

    const self = scoreScene(scene!.id, gt, gt);
    expect(self.levels[0]!.alphaIou).toBe(1);
    expect(self.levels[0]!.rgbL1).toBe(0);
    expect(self.text.every((t) => t.accuracy === 1)).toBe(true);

    const single = { ...gt, layers: await singleLayer.run(input, { gtLayerCount: gt.layers.length, seed: 0 }) };
    const base = scoreScene(scene!.id, single, gt);
    expect(base.levels[0]!.alphaIou).toBeLessThan(1);
    expect(base.countError).toBe(gt.layers.length - 1);
  });
});
