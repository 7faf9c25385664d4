/**
 * `npm run bench:decompose [-- --limit N --scenes s1-003,s1-017 --seed S --count N --methods a,b --no-cold --sheets N --out FILE]`
 * Generates (or reuses) the synthetic set, runs each method in its own child process, scores everything with the
 * LayerD protocol and writes bench/decompose/RESULTS.md plus contact sheets in /tmp.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contactSheet } from './contactSheet.js';
import { REPO_ROOT, datasetDir, ensureDataset, type SceneEntry } from './dataset.js';
import type { LayerSet } from './layerSet.js';
import { readLayerSet, readPng } from './layerSetIo.js';
import { availableMethods } from './methods.js';
import type { MethodRun } from './predictMain.js';
import { renderReport } from './renderReport.js';
import { scoreScene, type SceneScore } from './scoreScene.js';
import { MAX_EDITS, summarise } from './summarise.js';

const log = (msg: string): void => void process.stderr.write(`[bench:decompose] ${msg}\n`);

/** Resolves with the exit code, or the signal name when the child was killed (e.g. SIGKILL from the OOM killer). */
function runChild(cmd: string, args: string[], cwd = REPO_ROOT): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}

function decomposeCli(): string[] | undefined {
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (root.scripts?.decompose) return ['run', 'decompose', '--'];
  const inf = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/inference/package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (inf.scripts?.decompose) return ['run', 'decompose', '-w', 'apps/inference', '--'];
  return undefined;
}

function machine(loadAtStart: number[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = (l: number[]): string => l.map((x) => x.toFixed(1)).join(' / ');
  return `2-core node-svc, shared with other work (${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}); load average 1/5/15 min at start ${load(loadAtStart)}, at end ${load(os.loadavg())}`;
}

/**
 * Runs one method in child processes until every scene has a result: a child that dies (crash, OOM kill) is noted,
 * and a new one (warm-up again) continues with the scenes left, at most 3 children in all.
 */
async function runMethod(name: string, scenes: readonly SceneEntry[], outDir: string, notes: string[]): Promise<MethodRun | undefined> {
  const predictMain = fileURLToPath(new URL('./predictMain.ts', import.meta.url));
  let merged: MethodRun | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const done = new Set(merged?.images.map((i) => i.id));
    const todo = scenes.filter((s) => !done.has(s.id));
    if (todo.length === 0) break;
    const scenesFile = join(outDir, `scenes-${attempt}.json`);
    await mkdir(outDir, { recursive: true });
    await writeFile(scenesFile, JSON.stringify(todo));
    const runFile = join(outDir, 'run.json');
    await rm(runFile, { force: true });
    const code = await runChild(process.execPath, ['--import', 'tsx', predictMain, name, scenesFile, outDir]);
    const part = existsSync(runFile) ? (JSON.parse(await readFile(runFile, 'utf8')) as MethodRun) : undefined;
    if (part) {
      merged = merged
        ? { ...merged, images: [...merged.images, ...part.images], processPeakRssMb: Math.max(merged.processPeakRssMb, part.processPeakRssMb) }
        : part;
      await writeFile(join(outDir, `run-${attempt}.json`), JSON.stringify(part, null, 1));
    }
    if (code === 0) break;
    notes.push(`${name}: child process ${attempt} exited with ${code} after ${part?.images.length ?? 0} of ${todo.length} images${attempt < 3 ? '; continued in a new process' : ''}.`);
  }
  return merged;
}

/** Removes run folders older than a day (each holds ~200 MB of predicted layers). */
async function pruneOldRuns(runsDir: string): Promise<void> {
  if (!existsSync(runsDir)) return;
  const cutoff = Date.now() - 24 * 3600 * 1000;
  for (const name of await readdir(runsDir)) {
    const dir = join(runsDir, name);
    if ((await stat(dir)).mtimeMs < cutoff) await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '40' },
      limit: { type: 'string' },
      scenes: { type: 'string' },
      methods: { type: 'string' },
      'no-cold': { type: 'boolean', default: false },
      sheets: { type: 'string', default: '3' },
      'sheet-dir': { type: 'string', default: '/tmp' },
      out: { type: 'string', default: join(REPO_ROOT, 'bench/decompose/RESULTS.md') },
    },
  });
  const loadAtStart = os.loadavg();
  const seed = Number(values.seed);
  const count = Number(values.count);
  const t0 = performance.now();
  const all = await ensureDataset({ seed, count, log });
  const picked = values.scenes?.split(',');
  const scenes = (picked ? all.filter((s) => picked.includes(s.id)) : all).slice(0, values.limit ? Number(values.limit) : all.length);
  log(`dataset: ${scenes.length} of ${all.length} scenes ready in ${Math.round(performance.now() - t0)} ms`);
  const root = datasetDir({ seed, count });
  // Each invocation works in its own run folder, so concurrent runs (several people benchmarking) never mix outputs.
  const runsDir = join(root, 'runs');
  await pruneOldRuns(runsDir);
  const runDir = join(runsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  await mkdir(runDir, { recursive: true });
  log(`run folder ${runDir}`);

  const wanted = values.methods?.split(',');
  const available = await availableMethods();
  const methods = available.filter((m) => !wanted || wanted.includes(m.name));
  const notes: string[] = [];
  if (!available.some((m) => m.name === 'decompose')) notes.push('`decompose` is not exported by @strata/inference in this checkout: baselines only.');
  const runs = new Map<string, { run: MethodRun; dir: string }>();
  for (const m of methods) {
    const outDir = join(runDir, 'pred', m.name.replace(/[^\w-]+/g, '_'));
    await rm(outDir, { recursive: true, force: true });
    log(`running ${m.name} on ${scenes.length} scenes`);
    const merged = await runMethod(m.name, scenes, outDir, notes);
    if (merged) runs.set(m.name, { run: merged, dir: outDir });
  }

  let cold: { ms: number; image: string; ok: boolean; note: string } | undefined;
  const cli = decomposeCli();
  const first = scenes[0];
  if (!values['no-cold'] && cli && first) {
    const outDir = join(runDir, 'pred', 'cold-cli');
    await rm(outDir, { recursive: true, force: true });
    const start = performance.now();
    const code = await runChild('npm', [...cli, first.input, '--out', outDir]);
    cold = { ms: performance.now() - start, image: first.id, ok: code === 0, note: `exit code ${code}` };
    log(`cold CLI run: ${Math.round(cold.ms)} ms, exit ${code}`);
  } else if (!cli) notes.push('No `decompose` npm script yet: cold CLI run skipped.');

  // Score scene by scene so only one scene's layers are in memory at a time.
  const scores = new Map<string, SceneScore[]>([...runs.keys()].map((k) => [k, []]));
  const mp = new Map<string, number>();
  const sizes = new Map<string, string>();
  const fallbacks = new Map<string, number>();
  for (const scene of scenes) {
    const gt = await readLayerSet(scene.gtDir);
    mp.set(scene.id, (gt.width * gt.height) / 1e6);
    sizes.set(scene.id, `${gt.width}×${gt.height}`);
    for (const [name, { dir: methodDir }] of runs) {
      const dir = join(methodDir, scene.id);
      let pred: LayerSet;
      if (existsSync(join(dir, 'manifest.json'))) pred = await readLayerSet(dir);
      else {
        // A failed image scores as "one layer = the input", so failures cost quality instead of vanishing.
        fallbacks.set(name, (fallbacks.get(name) ?? 0) + 1);
        pred = { width: gt.width, height: gt.height, layers: [{ name: 'input', kind: 'background', rgba: await readPng(scene.input) }] };
      }
      scores.get(name)!.push(scoreScene(scene.id, pred, gt, MAX_EDITS, scene.spec.elements));
    }
    if (cold?.ok && scene === first && existsSync(join(runDir, 'pred', 'cold-cli', 'manifest.json'))) {
      const s = scoreScene(scene.id, await readLayerSet(join(runDir, 'pred', 'cold-cli')), gt, MAX_EDITS);
      cold.note = `IoU k=0 ${s.levels[0]!.alphaIou.toFixed(3)}, ${s.predLayers} layers`;
    }
    log(`scored ${scene.id}`);
  }
  for (const [name, n] of fallbacks) notes.push(`${name}: ${n} image(s) failed and were scored as "one layer = the input".`);

  const summaries = [...runs.values()].map(({ run }) => summarise(run, scores.get(run.method)!, mp));
  const detailName = runs.has('decompose') ? 'decompose' : 'baseline:classical';
  const detailRun = runs.get(detailName);
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps/inference/src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ` (+ uncommitted changes in apps/inference/src: ${dirty.split('\n').length} files)`;
  } catch {
    /* not a git checkout */
  }
  const args = process.argv.slice(2).join(' ');
  const report = renderReport({
    date: new Date().toISOString(),
    machine: machine(loadAtStart),
    commit,
    command: `npm run bench:decompose${args ? ` -- ${args}` : ''}`,
    dataset: `${scenes.length} synthetic designs (seed ${seed}), 768–1280 px per side, ${scenes.reduce((a, s) => a + s.spec.elements.length + 1, 0)} ground-truth layers (${scenes.reduce((a, s) => a + s.spec.elements.filter((e) => e.kind === 'text').length, 0)} text); cache ${root}; this run's predictions in ${runDir}`,
    summaries,
    ...(detailRun ? { detail: { method: detailName, scores: scores.get(detailName)!, ms: new Map(detailRun.run.images.map((i) => [i.id, i.ms])), sizes } } : {}),
    cold,
    notes: [
      ...notes,
      'Protocol: LayerD (ICCV 2025) evaluation ported from its reference code: non-overlapping top layers grouped on both sides; DTW on (RGB L1 + 1 − soft IoU) / 2; up to 5 greedy adjacent merges on either side; means over the DTW path, then over images (a sample that stops merging early carries its last scores forward). See bench/decompose/README.md for deviations.',
      'Layer-count error uses raw layer counts (before grouping). Text accuracy: 1 − CER of the recognised string of the predicted layer best matching each ground-truth text layer by alpha IoU (≥ 0.1); unmatched text scores 0.',
      'Baselines give the numbers context on a noisy shared machine: `baseline:single` = the input as one layer; `baseline:random` = the input plus (gt count − 1) random rectangles; `baseline:classical` = blur background + thresholded connected components.',
    ],
  });
  await writeFile(values.out, report);
  await writeFile(join(runDir, 'results.json'), JSON.stringify({ summaries, scores: Object.fromEntries(scores) }, null, 1));
  log(`wrote ${values.out}`);

  const sheets = Number(values.sheets);
  if (sheets > 0 && detailRun) {
    await mkdir(values['sheet-dir'], { recursive: true });
    const picks = [...new Set([0, Math.floor(scenes.length / 2), scenes.length - 1])].slice(0, sheets).map((i) => scenes[i]!);
    for (const scene of picks) {
      const dir = join(detailRun.dir, scene.id);
      if (!existsSync(join(dir, 'manifest.json'))) continue;
      const path = join(values['sheet-dir'], `decompose-sheet-${scene.id}.png`);
      await contactSheet(await readPng(scene.input), await readLayerSet(dir), await readLayerSet(scene.gtDir), path, `${scene.id} (${detailName})`);
      log(`contact sheet ${path}`);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
