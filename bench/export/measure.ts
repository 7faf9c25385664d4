/**
 * One measured operation in a fresh process, so peak RSS belongs to it alone:
 * tsx bench/export/measure.ts <project-dir> <op>; prints one JSON line { op, ms, peakRssMb, startRssMb, bytes?, error? }.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDocument, importDocument, isExportFormat } from '@strata/formats';
import { readProject } from './project.js';

const [dir = '', op = ''] = process.argv.slice(2);
const rssMb = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
/** CPU time of this process (all threads, so sharp's pool counts too) since `from`. */
const cpuOf = (from: NodeJS.CpuUsage) => { const u = process.cpuUsage(from); return (u.user + u.system) / 1000; };
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<Record<string, unknown>> {
  if (op.startsWith('export-')) {
    const format = op.slice('export-'.length);
    if (!isExportFormat(format)) throw new Error(`unknown format ${format}`);
    const { tree, readBlob } = readProject(dir);
    const startRssMb = rssMb();
    const t = performance.now(); const cpu = process.cpuUsage();
    const file = await exportDocument(tree, readBlob, format);
    const ms = performance.now() - t; const cpuMs = cpuOf(cpu);
    writeFileSync(join(dir, `out.${format}`), file.bytes);
    return { ms, cpuMs, startRssMb, bytes: file.bytes.length };
  }
  if (op.startsWith('import-')) {
    const bytes = new Uint8Array(readFileSync(join(dir, op.slice('import-'.length))));
    const startRssMb = rssMb();
    const t = performance.now(); const cpu = process.cpuUsage();
    const r = await importDocument(bytes);
    const ms = performance.now() - t; const cpuMs = cpuOf(cpu);
    return { ms, cpuMs, startRssMb, bytes: bytes.length, ...(r.ok ? { layers: r.value.blobs.size } : { error: r.error.code }) };
  }
  throw new Error(`unknown op ${op}`);
}

main().then((r) => console.log(JSON.stringify({ op, ...r, peakRssMb: peakMb() })), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
