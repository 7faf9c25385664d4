import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addLayer } from '@strata/document';
import { toGlobalId } from '@strata/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../blobs/FsBlobStore.js';
import { PostgresCollabStorage } from '../collab/storage/PostgresCollabStorage.js';
import { linkBlobsToProject } from '../models/blobs.js';
import { createDb } from '../models/db.js';
import { makeProject, makeUser } from '../testing/factories.js';
import { solidPng } from '../testing/images.js';
import { testDatabaseUrl } from '../testing/testDatabaseUrl.js';
import { exportProjectToFile } from './exportProject.js';
import { projectIdArgument } from './projectIdArgument.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const db = createDb(testDatabaseUrl(), { max: 2 });
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-export-cli-'));
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
});

/** A project whose live document (update log only, no version) has one 5×3 layer at (2, 1). */
async function liveProject() {
  const owner = await makeUser(db, 'Cli');
  const project = await makeProject(db, owner, 'CLI poster');
  const png = await solidPng(5, 3, '#cc3300');
  const sha256 = createHash('sha256').update(png).digest('hex');
  await new FsBlobStore(path.join(dir, 'blobs')).put(sha256, png);
  await db.blob.upsert({ where: { sha256 }, create: { sha256, bytes: png.length, width: 5, height: 3, mediaType: 'image/png', uploaderId: owner.id }, update: {} });
  await linkBlobsToProject(db, project.id, [sha256]);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  addLayer(doc, { id: 'l', kind: 'raster', blob: sha256, width: 5, height: 3, x: 2, y: 1 });
  const { storage, close } = PostgresCollabStorage.fromUrl(testDatabaseUrl(), 1);
  await storage.append(project.id, updates.map((update) => ({ update, userId: owner.id })));
  await close();
  return project;
}

describe('npm run export -- <projectId>', () => {
  it('exports the live document from the database', async () => {
    const project = await liveProject();
    const out = path.join(dir, 'live.png');
    const r = await exportProjectToFile({ databaseUrl: testDatabaseUrl(), blobDir: path.join(dir, 'blobs'), projectId: project.id, format: 'png', out });
    expect(r).toMatchObject({ out, width: 100, height: 80 });
    await expect(exportProjectToFile({ databaseUrl: testDatabaseUrl(), blobDir: dir, projectId: '00000000-0000-4000-8000-000000000000',
      format: 'png', out })).rejects.toThrow('no project');
    const { data, info } = await sharp(await readFile(out)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect([alphaAt(2, 1), alphaAt(6, 3), alphaAt(1, 1), alphaAt(7, 1)]).toEqual([255, 255, 0, 0]);
  });

  it('the root script dispatches project ids to the database and everything else to the file exporter', async () => {
    const project = await liveProject();
    const out = path.join(dir, 'cli.psd');
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), STRATA_BLOB_DIR: path.join(dir, 'blobs') };
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['apps/api/src/cli/exportMain.ts', toGlobalId('Project', project.id), '--format', 'psd', '--out', out], { cwd: root, env, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('cli.psd: psd');
    expect((await readFile(out)).subarray(0, 4).toString('latin1')).toBe('8BPS');
    // not a project id: the @strata/formats CLI answers (its own error for a missing file)
    const file = spawnSync(tsx, ['apps/api/src/cli/exportMain.ts', path.join(dir, 'nope.psd'), '--format', 'png'], { cwd: root, env, encoding: 'utf8' });
    expect(file.status).toBe(1);
    expect(file.stderr).toContain('does not exist');
  });

  it('recognises project ids', () => {
    const id = '3f0e8a52-8a1b-4c39-9d3e-0f3c2b1a0d9e';
    expect(projectIdArgument(id)).toBe(id);
    expect(projectIdArgument(toGlobalId('Project', id))).toBe(id);
    expect(projectIdArgument(toGlobalId('Version', id))).toBeNull();
    expect(projectIdArgument('poster.psd')).toBeNull();
    expect(projectIdArgument(undefined)).toBeNull();
  });
});
