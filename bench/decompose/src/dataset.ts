import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAssets, type AssetCatalog } from './assets.js';
import { writeLayerSet, writePng } from './layerSetIo.js';
import { renderScene } from './renderScene.js';
import { sceneSpec, type SceneSpec } from './sceneSpec.js';

/** Bump when the generator changes so old caches are not reused. */
export const GENERATOR_VERSION = 2;

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const DEFAULT_CACHE = join(REPO_ROOT, '.data', 'bench', 'decompose');

export interface DatasetOptions {
  seed: number;
  count: number;
  cacheDir?: string;
  /** Fixed canvas size (tests); otherwise each scene draws 768..1280 px per side. */
  size?: { width: number; height: number };
  assets?: AssetCatalog;
  log?: (msg: string) => void;
}

export interface SceneEntry {
  id: string;
  dir: string;
  /** input.png: the flattened design (RGB). */
  input: string;
  /** gt/: manifest.json + one PNG per ground-truth layer, bottom to top. */
  gtDir: string;
  spec: SceneSpec;
}

export function datasetDir(o: DatasetOptions): string {
  const size = o.size ? `-${o.size.width}x${o.size.height}` : '';
  return join(o.cacheDir ?? DEFAULT_CACHE, `v${GENERATOR_VERSION}-seed${o.seed}${size}`);
}

/** Generates the scenes that are not cached yet (written atomically per scene) and lists them all. */
export async function ensureDataset(o: DatasetOptions): Promise<SceneEntry[]> {
  const root = datasetDir(o);
  await mkdir(root, { recursive: true });
  const assets = o.assets ?? findAssets();
  const out: SceneEntry[] = [];
  for (let i = 0; i < o.count; i++) {
    const spec = sceneSpec(o.seed, i, assets, o.size);
    const dir = join(root, spec.id);
    const entry = (s: SceneSpec): SceneEntry => ({ id: s.id, dir, input: join(dir, 'input.png'), gtDir: join(dir, 'gt'), spec: s });
    if (existsSync(join(dir, 'spec.json'))) {
      out.push(entry(JSON.parse(await readFile(join(dir, 'spec.json'), 'utf8')) as SceneSpec));
      continue;
    }
    const t0 = performance.now();
    const scene = await renderScene(spec, o.seed * 1000 + i);
    const tmp = `${dir}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    await writePng(join(tmp, 'input.png'), scene.input, true);
    await writeLayerSet(join(tmp, 'gt'), scene);
    await writeFile(join(tmp, 'spec.json'), `${JSON.stringify(scene.spec, null, 2)}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    o.log?.(`generated ${spec.id} ${spec.width}x${spec.height} ${scene.layers.length} layers in ${Math.round(performance.now() - t0)} ms`);
    out.push(entry(scene.spec));
  }
  return out;
}
