import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addLayer, materialize } from '@strata/document';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningApiServer } from '../../server/startApiServer.js';
import { testDatabaseUrl } from '../../testing/testDatabaseUrl.js';
import { CLOSE_CODES } from '../closeCodes.js';
import { collabExtension } from '../collabExtension.js';
import { createProject, createSession, createToken, createUser, setMember } from '../testing/dbFactories.js';
import { until } from '../testing/until.js';
import { connectClient, type TestClient } from '../testing/wsClient.js';

let api: RunningApiServer;
let pool: pg.Pool;
let dataDir: string;
const collab = collabExtension({ databaseUrl: testDatabaseUrl(), checkpointQuietMs: 0 });
const clients: TestClient[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-collab-'));
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  api = await startApiServer({ databaseUrl: testDatabaseUrl(), dataDir, configure: collab.configure });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await collab.close();
  await api.close();
  await pool.end();
  await rm(dataDir, { recursive: true, force: true });
});

describe('collaboration on the real API server (AuthService + Membership)', () => {
  it('authenticates with the API’s own sessions and tokens, and versions through the service', async () => {
    const url = `${api.url.replace('http', 'ws')}/collab`;
    const p = await createProject(pool);
    const u = await createUser(pool, 'Real');
    await setMember(pool, p, u.id, 'editor');
    const token = await createToken(pool, u.id);
    const cookie = await createSession(pool, u.id);
    const byToken = connectClient(url, p, { token });
    const byCookie = connectClient(url, p, { cookie });
    const anon = connectClient(url, p, {});
    clients.push(byToken, byCookie, anon);
    await until(() => byToken.provider.synced && byCookie.provider.synced && anon.closes.length > 0, 'connected');
    expect(anon.closes[0]!.code).toBe(CLOSE_CODES.UNAUTHORIZED.code);
    addLayer(byToken.doc, { id: 'via-api', kind: 'raster', blob: 'd'.repeat(64), width: 2, height: 2 });
    await until(() => byCookie.doc.getMap('nodes').has('via-api') && byToken.allAcked(), 'edit');
    const version = await collab.service()!.createVersion(p, { name: 'checkpoint', description: 'from test' });
    expect(version.authors).toEqual([u.id]);
    const rows = await pool.query(`SELECT "nodeId" FROM "VersionNode" WHERE "versionId" = $1`, [version.id]);
    expect(rows.rows.map((r) => r.nodeId)).toEqual(['via-api']);
    expect(materialize(byCookie.doc).children.map((n) => n.id)).toEqual(['via-api']);
  });
});
