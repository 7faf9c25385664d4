import { aggregateLevels, type AggregateLevel } from './evaluateLayers.js';
import type { MethodRun } from './predictMain.js';
import type { SceneScore } from './scoreScene.js';
import { mean, median, quantile } from './stats.js';

export const MAX_EDITS = 5;

export interface MethodSummary {
  method: string;
  describe: string;
  images: number;
  failures: number;
  /** levels[k] for k = 0..MAX_EDITS (a level no sample reached repeats the last: no merge helped any more). */
  levels: AggregateLevel[];
  countErrorMean: number;
  countErrorMedian: number;
  predLayersMean: number;
  gtLayersMean: number;
  textLayers: number;
  textAccuracy: number;
  textExact: number;
  textAnyLayerAccuracy: number;
  warmUpMs: number;
  medianMs: number;
  p90Ms: number;
  /** Median CPU seconds (all threads) per image. */
  medianCpuMs: number;
  /** Median over images of seconds per megapixel. */
  medianSecPerMp: number;
  peakRssMb: number;
  stageMedianMs: Record<string, number>;
  /** The worst image's recomposition: lowest PSNR and lowest share of pixels within 2 levels of the input. */
  recomposeMinPsnr: number;
  recomposeMinWithin2: number;
}

export function summarise(run: MethodRun, scores: readonly SceneScore[], megapixels: ReadonlyMap<string, number>): MethodSummary {
  const agg = aggregateLevels(scores.map((s) => s.levels));
  const levels: AggregateLevel[] = [];
  for (let k = 0; k <= MAX_EDITS; k++) levels.push({ ...(agg[Math.min(k, agg.length - 1)] ?? agg[0]!), maxEdits: k });
  const texts = scores.flatMap((s) => s.text);
  const ok = run.images.filter((i) => !i.error);
  const stageNames = [...new Set(ok.flatMap((i) => Object.keys(i.stages)))];
  return {
    method: run.method,
    describe: run.describe,
    images: run.images.length,
    failures: run.images.length - ok.length,
    levels,
    countErrorMean: mean(scores.map((s) => s.countError)),
    countErrorMedian: median(scores.map((s) => s.countError)),
    predLayersMean: mean(scores.map((s) => s.predLayers)),
    gtLayersMean: mean(scores.map((s) => s.gtLayers)),
    textLayers: texts.length,
    textAccuracy: mean(texts.map((t) => t.accuracy)),
    textExact: mean(texts.map((t) => (t.accuracy === 1 ? 1 : 0))),
    textAnyLayerAccuracy: mean(texts.map((t) => t.anyLayerAccuracy)),
    warmUpMs: run.warmUpMs,
    medianMs: median(ok.map((i) => i.ms)),
    p90Ms: quantile(ok.map((i) => i.ms), 0.9),
    medianCpuMs: median(ok.map((i) => i.cpuMs ?? NaN)),
    medianSecPerMp: median(ok.map((i) => i.ms / 1000 / (megapixels.get(i.id) ?? 1))),
    peakRssMb: run.processPeakRssMb,
    stageMedianMs: Object.fromEntries(stageNames.map((n) => [n, median(ok.map((i) => i.stages[n] ?? 0))])),
    recomposeMinPsnr: Math.min(...scores.map((s) => s.recomposition.psnr)),
    recomposeMinWithin2: Math.min(...scores.map((s) => s.recomposition.within2)),
  };
}
