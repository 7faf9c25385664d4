/**
 * Why a scene scores what it scores: `npx tsx bench/decompose/src/explainMain.ts <run dir> [scene ids...]` prints,
 * per scene, the grouped predicted and ground-truth layers (by name) and the k=0 DTW path with each pair's soft IoU
 * and RGB L1; with --sheets, a contact sheet per scene (input, predicted and ground-truth layers). <run dir> is a bench run folder (under .data/bench/decompose, in runs/) holding pred/<method>/<id>.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compositeAll } from './alphaComposite.js';
import { contactSheet } from './contactSheet.js';
import { dynamicTimeWarping } from './dtw.js';
import { groupTopLayers } from './groupTopLayers.js';
import { pairScores } from './layerMetrics.js';
import type { LayerSet } from './layerSet.js';
import { readLayerSet, readPng } from './layerSetIo.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { sheets: { type: 'string' } } });
const [runDir, ...ids] = positionals;
if (!runDir) {
  console.error('usage: explainMain.ts <run dir> [scene ids...] [--sheets <dir>]');
  process.exit(2);
}
const method = 'decompose';
const predRoot = join(runDir, 'pred', method);
const scenes = ids.length > 0 ? ids : (await readdir(predRoot)).filter((d) => /^s\d+-\d+$/.test(d)).sort();
const dataRoot = join(runDir, '..', '..');
if (values.sheets) await mkdir(values.sheets, { recursive: true });

function grouped(set: LayerSet): { names: string[]; rgba: ReturnType<typeof compositeAll>[] } {
  const groups = groupTopLayers(set.layers.map((l) => l.rgba));
  return {
    names: groups.map((g) => g.map((i) => `${i}:${set.layers[i]!.name.slice(0, 18)}`).join(' + ')),
    rgba: groups.map((g) => compositeAll(g.map((i) => set.layers[i]!.rgba))),
  };
}

let total = 0;
for (const id of scenes) {
  const pred = await readLayerSet(join(predRoot, id));
  const gt = await readLayerSet(join(dataRoot, id, 'gt'));
  const p = grouped(pred);
  const g = grouped(gt);
  const scores = p.rgba.map((a) => g.rgba.map((b) => pairScores(a, b)));
  const { path } = dynamicTimeWarping(scores.map((row) => row.map((s) => (s.rgbL1 + 1 - s.alphaIou) / 2)));
  const iou = path.reduce((s, [i, j]) => s + scores[i]![j]!.alphaIou, 0) / path.length;
  total += iou;
  if (values.sheets) {
    const input = await readPng(join(dataRoot, id, 'input.png'));
    await contactSheet(input, pred, gt, join(values.sheets, `${id}.png`), `${id} (${method})`);
  }
  console.log(`\n${id}: IoU ${iou.toFixed(3)}  pred ${pred.layers.length} layers / ${p.names.length} groups, gt ${gt.layers.length} / ${g.names.length}`);
  for (const [i, j] of path) {
    const s = scores[i]![j]!;
    console.log(`  ${s.alphaIou.toFixed(2)} ${s.rgbL1.toFixed(3)}  P[${p.names[i]}]  ~  G[${g.names[j]}]`);
  }
}
console.log(`\nmean IoU k=0 over ${scenes.length}: ${(total / scenes.length).toFixed(3)}`);
