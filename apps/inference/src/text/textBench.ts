// Text stage benchmark: `npx tsx apps/inference/src/text/textBench.ts [scenes] [seed]` (root: `npm run bench:text`).
// Prints a markdown report: speed on ~1 MP images with five lines, recognition accuracy, alpha soft IoU.
import type { Box, Matte } from '../image.js';
import { detectClassical, detectWithModels } from './detectText.js';
import { editDistance } from './editDistance.js';
import { loadOcrModels, type OcrModels } from './ocrModels.js';
import { renderTextImage } from './renderTextImage.js';
import { syntheticTextScenes } from './syntheticTextScenes.js';
import type { TextRegion } from './TextRegion.js';

interface Truth {
  text: string;
  note: string;
  font: string;
  fontSize: number;
  fill: [number, number, number];
  box: Box;
  coverage: Matte;
}

function boxOf(m: Matte): Box {
  let minX = m.width, minY = m.height, maxX = -1, maxY = -1;
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) {
    if (m.data[y * m.width + x]! > 0) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
  }
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

function iou(a: Box, b: Box): number {
  const ix = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const iy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (ix <= 0 || iy <= 0) return 0;
  const i = ix * iy;
  return i / (a.width * a.height + b.width * b.height - i);
}

/** Soft IoU of a region's alpha against the line's true coverage, over the union of both boxes. */
function softIou(truth: Truth, r: TextRegion | undefined): number {
  let inter = 0, uni = 0;
  const m = truth.coverage;
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) {
    const g = m.data[y * m.width + x]!;
    let a = 0;
    if (r) {
      const bx = x - r.box.x, by = y - r.box.y;
      if (bx >= 0 && by >= 0 && bx < r.box.width && by < r.box.height) a = r.alpha.data[by * r.box.width + bx]!;
    }
    inter += Math.min(a, g);
    uni += Math.max(a, g);
  }
  return uni > 0 ? inter / uni : 1;
}

function match(truth: Truth, regions: TextRegion[]): TextRegion | undefined {
  let best: TextRegion | undefined;
  let bestIou = 0.3;
  for (const r of regions) {
    const v = iou(truth.box, r.box);
    if (v > bestIou) { bestIou = v; best = r; }
  }
  return best;
}

const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 8);
  const t0 = performance.now();
  const loaded = await loadOcrModels();
  if (!loaded.ok) throw loaded.error;
  const loadMs = performance.now() - t0;
  const timing = { det: 0, rec: 0, recCalls: 0 };
  const inner = loaded.models;
  const models: OcrModels = {
    charset: inner.charset,
    async detect(t, w, h) { const s = performance.now(); const r = await inner.detect(t, w, h); timing.det += performance.now() - s; return r; },
    async recognize(t, w, h) { const s = performance.now(); const r = await inner.recognize(t, w, h); timing.rec += performance.now() - s; timing.recCalls++; return r; },
  };
  const seed = Number(process.argv[3] ?? 1);
  const scenes = syntheticTextScenes(count, seed);
  const totals: number[] = [], cpus: number[] = [], dets: number[] = [], recs: number[] = [], classicalMs: number[] = [];
  let chars = 0, edits = 0, exact = 0, lines = 0, found = 0, foundClassical = 0;
  const ious: number[] = [], iousClassical: number[] = [], sizeErr: number[] = [], colourErr: number[] = [];
  const perFont = new Map<string, { chars: number; edits: number; exact: number; n: number }>();
  const misses: string[] = [];
  const worst: Array<{ iou: number; label: string }> = [];
  const outlined: number[] = [];
  // Warm-up run so that timings are for a warm worker.
  await detectWithModels(await renderTextImage(scenes[0]!.spec), models);
  for (const scene of scenes) {
    const image = await renderTextImage(scene.spec);
    const truths: Truth[] = [];
    for (const line of scene.lines) {
      const alone = await renderTextImage({ ...scene.spec, background: '', lines: [{ ...line, fill: '#ffffff', ...(line.stroke ? { stroke: { ...line.stroke, color: '#ffffff' } } : {}) }] });
      const coverage: Matte = { width: alone.width, height: alone.height, data: new Float32Array(alone.width * alone.height) };
      for (let p = 0; p < coverage.data.length; p++) coverage.data[p] = alone.data[p * 4 + 3]! / 255;
      const fill = [1, 3, 5].map((i) => parseInt(line.fill.slice(i, i + 2), 16)) as [number, number, number];
      const note = `${line.fontFamily} ${line.fontSize}px${line.fontWeight === 'bold' ? ' bold' : ''}${line.fontStyle === 'italic' ? ' italic' : ''}${line.letterSpacing ? ' spaced' : ''}${line.stroke ? ' outlined' : ''}`;
      truths.push({ text: line.text, note, font: line.fontFamily, fontSize: line.fontSize, fill, box: boxOf(coverage), coverage });
    }
    timing.det = 0; timing.rec = 0;
    const s = performance.now();
    const cpu = process.cpuUsage();
    const regions = await detectWithModels(image, models);
    totals.push(performance.now() - s);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    dets.push(timing.det); recs.push(timing.rec);
    const c0 = performance.now();
    const classical = detectClassical(image);
    classicalMs.push(performance.now() - c0);
    for (const t of truths) {
      const r = match(t, regions);
      const pred = r?.content ?? '';
      const ed = Math.min(t.text.length, editDistance(pred, t.text));
      chars += t.text.length; edits += ed; lines++;
      if (pred === t.text) exact++; else misses.push(`${JSON.stringify(t.text)} → ${JSON.stringify(pred)} (${t.note})`);
      const f = perFont.get(t.font) ?? { chars: 0, edits: 0, exact: 0, n: 0 };
      f.chars += t.text.length; f.edits += ed; f.exact += pred === t.text ? 1 : 0; f.n++;
      perFont.set(t.font, f);
      const lineIou = softIou(t, r);
      ious.push(lineIou);
      worst.push({ iou: lineIou, label: `${JSON.stringify(t.text)} (${t.note})${r?.secondColor ? ' two inks' : ''}` });
      if (r) {
        found++;
        if (t.note.endsWith('outlined')) outlined.push(r.secondColor ? 1 : 0);
        sizeErr.push(Math.abs(r.fontSize - t.fontSize) / t.fontSize);
        colourErr.push(Math.max(...r.color.map((v, i) => Math.abs(v - t.fill[i]!))));
      }
      const rc = match(t, classical);
      if (rc) foundClassical++;
      iousClassical.push(softIou(t, rc));
    }
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const out: string[] = [];
  out.push(`Text stage benchmark: ${count} scenes (seed ${seed}) of 1200x850 px, ${lines} lines, ${perFont.size} fonts; ${new Date().toISOString().slice(0, 10)}; Node ${process.version}, onnxruntime-node CPU, ${process.env.STRATA_THREADS ?? 2} threads.`);
  out.push('');
  out.push('| measure | PP-OCRv4 | classical fallback |');
  out.push('|---|---|---|');
  out.push(`| model load (cold, once per process) | ${loadMs.toFixed(0)} ms | - |`);
  out.push(`| time per image, median (det + rec + alpha) | ${median(totals).toFixed(0)} ms | ${median(classicalMs).toFixed(0)} ms |`);
  out.push(`| CPU time per image (all threads), median | ${median(cpus).toFixed(0)} ms | - |`);
  out.push(`| of which detector model, median | ${median(dets).toFixed(0)} ms | - |`);
  out.push(`| of which recogniser model (5 lines), median | ${median(recs).toFixed(0)} ms | - |`);
  out.push(`| lines found (box IoU > 0.3) | ${pct(found / lines)} | ${pct(foundClassical / lines)} |`);
  out.push(`| character accuracy (1 - edits / chars) | ${pct(1 - edits / chars)} | - |`);
  out.push(`| exact line match | ${pct(exact / lines)} | - |`);
  out.push(`| alpha soft IoU vs. true coverage, mean | ${mean(ious).toFixed(3)} | ${mean(iousClassical).toFixed(3)} |`);
  out.push(`| font size error, median (found lines) | ${pct(median(sizeErr))} | - |`);
  out.push(`| outlined lines given a second colour | ${outlined.reduce((a, b) => a + b, 0)} of ${outlined.length} | - |`);
  out.push(`| colour max channel error, median (found lines) | ${median(colourErr).toFixed(0)} / 255 | - |`);
  out.push('');
  out.push('| font | lines | char accuracy | exact |');
  out.push('|---|---|---|---|');
  for (const [font, f] of perFont) out.push(`| ${font} | ${f.n} | ${pct(1 - f.edits / f.chars)} | ${pct(f.exact / f.n)} |`);
  out.push('');
  out.push('Lowest alpha soft IoU (PP-OCRv4 path):');
  for (const w of worst.sort((a, b) => a.iou - b.iou).slice(0, 5)) out.push(`- ${w.iou.toFixed(3)} ${w.label}`);
  if (misses.length > 0) {
    out.push('');
    out.push('Lines not read exactly:');
    for (const m of misses) out.push(`- ${m}`);
  }
  console.log(out.join('\n'));
}

await main();
