import { FOUND_IOU } from './elementRecall.js';
import type { MethodSummary } from './summarise.js';
import type { SceneScore } from './scoreScene.js';

export interface ReportContext {
  date: string;
  machine: string;
  commit: string;
  command: string;
  dataset: string;
  summaries: MethodSummary[];
  /** Per-scene scores of the method shown in detail (decompose when present). */
  detail?: { method: string; scores: SceneScore[]; ms: Map<string, number>; sizes: Map<string, string> };
  cold?: { ms: number; image: string; ok: boolean; note: string } | undefined;
  notes: string[];
}

const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const s1 = (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
const db = (x: number): string => (x === Infinity ? '∞' : f2(x));
const mark = (ok: boolean): string => (ok ? 'yes' : '**no**');

function targets(s: MethodSummary): string[] {
  const l0 = s.levels[0]!;
  const l5 = s.levels[5]!;
  return [
    '| target | threshold | measured | met |',
    '|---|---|---|---|',
    `| alpha soft IoU, 0 merges | ≥ 0.80 | ${f3(l0.alphaIou)} | ${mark(l0.alphaIou >= 0.8)} |`,
    `| alpha soft IoU, ≤ 5 merges | ≥ 0.92 | ${f3(l5.alphaIou)} | ${mark(l5.alphaIou >= 0.92)} |`,
    `| RGB L1, 0 merges | ≤ 0.05 | ${f3(l0.rgbL1)} | ${mark(l0.rgbL1 <= 0.05)} |`,
    `| median time per image (warm) | ≤ 4 s per ~1 MP | ${s1(s.medianMs)} s (${f2(s.medianSecPerMp)} s/MP) | ${mark(s.medianSecPerMp <= 4)} |`,
    `| peak RSS | ≤ 1536 MB | ${Math.round(s.peakRssMb)} MB | ${mark(s.peakRssMb <= 1536)} |`,
    `| composite of the layers equals the input, every image | PSNR ≥ 50 dB, ≥ 99.9 % of pixels within 2 | worst image ${db(s.recomposeMinPsnr)} dB, ${f3(100 * s.recomposeMinWithin2)} % | ${mark(s.recomposeMinPsnr >= 50 && s.recomposeMinWithin2 >= 0.999)} |`,
  ];
}

/** Where the scores are lost: per element type, how well the best single predicted layer covers each element. */
function byElementType(method: string, scores: readonly SceneScore[]): string[] {
  const types = new Map<string, number[]>();
  for (const m of scores.flatMap((sc) => sc.elements)) types.set(m.type, [...(types.get(m.type) ?? []), m.bestIou]);
  const rows = [...types].sort(([a], [b]) => a.localeCompare(b)).map(([type, ious]) => {
    const found = ious.filter((v) => v >= FOUND_IOU).length;
    return `| ${type} | ${ious.length} | ${f3(ious.reduce((a, b) => a + b, 0) / ious.length)} | ${found} (${Math.round((100 * found) / ious.length)} %) |`;
  });
  return [
    `## Ground-truth elements by type (${method}): best IoU of any one predicted layer`,
    '',
    `An element whose best layer reaches IoU ${FOUND_IOU} counts as found; below that it was left in the background, shares a layer with others or is badly cut.`,
    '',
    '| element type | elements | mean best IoU | found |',
    '|---|---|---|---|',
    ...rows,
  ];
}

/** RESULTS.md: machine, date, targets, per-method quality / speed / memory, per-k scores, per-image detail. */
export function renderReport(c: ReportContext): string {
  const out: string[] = [];
  out.push('# Decomposition quality benchmark (`npm run bench:decompose`)', '');
  out.push(`- date: ${c.date}`, `- machine: ${c.machine}`, `- commit: ${c.commit}`, `- command: \`${c.command}\``, `- dataset: ${c.dataset}`, '');
  const main = c.summaries.find((s) => s.method === 'decompose');
  if (main) out.push('## Targets (decompose)', '', ...targets(main), '');
  else out.push('## Targets', '', '`decompose` did not run (not exported by @strata/inference, or left out with --methods).', '');
  out.push('## Quality (LayerD protocol; IoU higher is better, L1 lower is better)', '');
  out.push('| method | images (failed) | IoU k=0 | IoU k≤5 | L1 k=0 | L1 k≤5 | layers pred / gt | count error mean (median) | text acc (exact) over n | text acc, any layer |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of c.summaries) {
    const l0 = s.levels[0]!;
    const l5 = s.levels[5]!;
    out.push(`| ${s.method} | ${s.images} (${s.failures}) | ${f3(l0.alphaIou)} | ${f3(l5.alphaIou)} | ${f3(l0.rgbL1)} | ${f3(l5.rgbL1)} | ${f2(s.predLayersMean)} / ${f2(s.gtLayersMean)} | ${f2(s.countErrorMean)} (${s.countErrorMedian}) | ${f3(s.textAccuracy)} (${f3(s.textExact)}) / ${s.textLayers} | ${f3(s.textAnyLayerAccuracy)} |`);
  }
  out.push('', '### By number of merges k (alpha IoU / RGB L1; avg merges used)', '');
  out.push(`| method | ${[0, 1, 2, 3, 4, 5].map((k) => `k≤${k}`).join(' | ')} |`, `|---|${'---|'.repeat(6)}`);
  for (const s of c.summaries) out.push(`| ${s.method} | ${s.levels.map((l) => `${f3(l.alphaIou)} / ${f3(l.rgbL1)} (${f2(l.avgEdits)})`).join(' | ')} |`);
  out.push('', '## Speed and memory (child process per method; 2 cores shared with other work)', '');
  out.push('| method | warm-up / model load | median per image | p90 | median s per MP | median CPU per image | peak RSS |', '|---|---|---|---|---|---|---|');
  for (const s of c.summaries) out.push(`| ${s.method} | ${s1(s.warmUpMs)} s | ${s1(s.medianMs)} s | ${s1(s.p90Ms)} s | ${f2(s.medianSecPerMp)} | ${s1(s.medianCpuMs)} s | ${Math.round(s.peakRssMb)} MB |`);
  out.push('', 'Wall times depend on the machine\'s load (see the load average above; 2 cores). CPU time counts all threads: on an otherwise idle 2-core machine the wall time of a well-parallelised image would be between CPU / 2 and CPU.');
  if (main && Object.keys(main.stageMedianMs).length > 0) {
    out.push('', '### decompose: median time per stage (from onProgress)', '', '| stage | median |', '|---|---|');
    for (const [k, v] of Object.entries(main.stageMedianMs)) out.push(`| ${k} | ${s1(v)} s |`);
  }
  if (c.cold) out.push('', `Cold CLI run (\`npm run decompose\`, new process, model load included) on ${c.cold.image}: ${s1(c.cold.ms)} s${c.cold.ok ? `; ${c.cold.note}` : ` (failed: ${c.cold.note})`}.`);
  if (c.detail) out.push('', ...byElementType(c.detail.method, c.detail.scores));
  if (c.detail) {
    out.push('', `## Per image (${c.detail.method})`, '', '| image | size | layers pred / gt | IoU k=0 | IoU k≤5 | L1 k=0 | text acc | time |', '|---|---|---|---|---|---|---|---|');
    for (const sc of c.detail.scores) {
      const l0 = sc.levels[0]!;
      const lk = sc.levels.at(-1)!;
      const ta = sc.text.length ? f2(sc.text.reduce((a, t) => a + t.accuracy, 0) / sc.text.length) : '–';
      out.push(`| ${sc.id} | ${c.detail.sizes.get(sc.id) ?? ''} | ${sc.predLayers} / ${sc.gtLayers} | ${f3(l0.alphaIou)} | ${f3(lk.alphaIou)} | ${f3(l0.rgbL1)} | ${ta} | ${s1(c.detail.ms.get(sc.id) ?? NaN)} s |`);
    }
  }
  out.push('', '## Notes', '', ...c.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
