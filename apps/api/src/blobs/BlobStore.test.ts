import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobStore } from './BlobStore.js';
import { FsBlobStore } from './FsBlobStore.js';
import { MemoryBlobStore } from './MemoryBlobStore.js';

const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

const stores: [string, () => Promise<BlobStore>][] = [
  ['memory', async () => new MemoryBlobStore()],
  ['filesystem', async () => { const d = await mkdtemp(path.join(os.tmpdir(), 'blobs-')); dirs.push(d); return new FsBlobStore(d); }],
];

describe.each(stores)('%s BlobStore', (_name, make) => {
  it('stores by hash, idempotently, and misses cleanly', async () => {
    const store = await make();
    const bytes = new Uint8Array([1, 2, 3]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await store.has(sha)).toBe(false);
    expect(await store.get(sha)).toBeNull();
    await store.put(sha, bytes);
    await store.put(sha, bytes);
    expect(await store.has(sha)).toBe(true);
    expect([...(await store.get(sha))!]).toEqual([1, 2, 3]);
  });
});
