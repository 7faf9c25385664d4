/**
 * Child process: runs one method over scenes and writes its layers (decompose CLI format) and timings. Run apart from
 * the scorer so its peak RSS is the method's alone. Usage: predictMain.ts <method> <scenes.json> <outDir>
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SceneEntry } from './dataset.js';
import { readLayerSet, readPng, writeLayerSet } from './layerSetIo.js';
import { peakRssMb, resetPeakRss } from './memory.js';
import { availableMethods } from './methods.js';
import { StageTimer } from './stageTimer.js';

export interface ImageTiming {
  id: string;
  ms: number;
  /** CPU time (user + system, all threads) of the image: less sensitive to other load than wall time. */
  cpuMs: number;
  stages: Record<string, number>;
  peakRssMb: number;
  layers: number;
  error?: string;
}

export interface MethodRun {
  method: string;
  describe: string;
  warmUpMs: number;
  /** Peak RSS of the whole child process (includes warm-up and model load). */
  processPeakRssMb: number;
  perImagePeakReset: boolean;
  images: ImageTiming[];
}

async function main(): Promise<void> {
  const [name, scenesFile, outDir] = process.argv.slice(2);
  if (!name || !scenesFile || !outDir) throw new Error('usage: predictMain.ts <method> <scenes.json> <outDir>');
  const method = (await availableMethods()).find((m) => m.name === name);
  if (!method) throw new Error(`unknown or unavailable method ${name}`);
  const scenes = JSON.parse(await readFile(scenesFile, 'utf8')) as SceneEntry[];
  await mkdir(outDir, { recursive: true });
  const t0 = performance.now();
  await method.warmUp?.();
  const warmUpPeak = peakRssMb();
  const run: MethodRun = { method: name, describe: method.describe, warmUpMs: performance.now() - t0, processPeakRssMb: 0, perImagePeakReset: false, images: [] };
  for (const [i, scene] of scenes.entries()) {
    const input = await readPng(scene.input);
    const gtCount = (await readLayerSet(scene.gtDir)).layers.length;
    run.perImagePeakReset = resetPeakRss();
    const timer = new StageTimer();
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const cpuMs = (): number => {
      const d = process.cpuUsage(cpu0);
      return (d.user + d.system) / 1000;
    };
    try {
      const layers = await method.run(input, { gtLayerCount: gtCount, seed: 1000 + i, onProgress: timer.onProgress });
      const ms = performance.now() - start;
      const cpu = cpuMs();
      const stages = timer.finish();
      const peak = peakRssMb();
      await writeLayerSet(join(outDir, scene.id), { width: input.width, height: input.height, layers });
      run.images.push({ id: scene.id, ms, cpuMs: cpu, stages, peakRssMb: peak, layers: layers.length });
    } catch (e) {
      run.images.push({ id: scene.id, ms: performance.now() - start, cpuMs: cpuMs(), stages: timer.finish(), peakRssMb: peakRssMb(), layers: 0, error: (e as Error).message.split('\n')[0] ?? 'error' });
    }
    process.stderr.write(`${name} ${scene.id} ${Math.round(run.images.at(-1)!.ms)} ms${run.images.at(-1)!.error ? ` ERROR ${run.images.at(-1)!.error}` : ''}\n`);
    // Written after every image, so a crash or an OOM kill loses only the image in progress.
    run.processPeakRssMb = Math.max(warmUpPeak, peakRssMb(), ...run.images.map((r) => r.peakRssMb));
    await writeFile(join(outDir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  }
  if (scenes.length === 0) await writeFile(join(outDir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
