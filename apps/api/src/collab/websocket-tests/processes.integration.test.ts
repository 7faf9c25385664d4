import { isDeepStrictEqual } from 'node:util';
import { addLayer, materialize, setProps } from '@strata/document';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../testing/testDatabaseUrl.js';
import { createProject, createToken, createUser, setMember } from '../testing/dbFactories.js';
import { spawnCollabServer, type SpawnedServer } from '../testing/spawnCollabServer.js';
import { connectClient, type TestClient } from '../testing/wsClient.js';
import { until } from '../testing/until.js';

let pool: pg.Pool;
const servers: SpawnedServer[] = [];
const clients: TestClient[] = [];
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

beforeAll(() => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.kill('SIGTERM')));
});
afterAll(async () => {
  await pool.end();
});

async function spawn(env: Record<string, string> = {}): Promise<SpawnedServer> {
  const s = await spawnCollabServer({ DATABASE_URL: testDatabaseUrl(), ...env });
  servers.push(s);
  return s;
}

function client(url: string, projectId: string, token: string): TestClient {
  const c = connectClient(url, projectId, { token });
  clients.push(c);
  return c;
}

async function editor(projectId: string, name: string) {
  const u = await createUser(pool, name);
  await setMember(pool, projectId, u.id, 'editor');
  return { ...u, token: await createToken(pool, u.id) };
}

const raster = (id: string) => ({ id, kind: 'raster' as const, blob: 'c'.repeat(64), width: 4, height: 4 });

describe('collaboration server processes', () => {
  it('keeps every acknowledged edit when the process is killed with SIGKILL and restarted', async () => {
    const p = await createProject(pool);
    const a = await editor(p, 'A');
    const b = await editor(p, 'B');
    // low compaction threshold is not configurable from env; 120 edits exercise log + load
    const s1 = await spawn();
    const ca = client(s1.url, p, a.token);
    const cb = client(s1.url, p, b.token);
    await until(() => ca.provider.synced && cb.provider.synced, 'synced');
    for (let i = 0; i < 30; i++) {
      addLayer(ca.doc, raster(`a-${i}`));
      addLayer(cb.doc, raster(`b-${i}`));
    }
    for (let i = 0; i < 30; i++) {
      setProps(ca.doc, `a-${i}`, { x: i, name: `A ${i}` });
      setProps(cb.doc, `b-${i}`, { opacity: 0.5 });
    }
    await until(() => ca.allAcked() && cb.allAcked(), 'all edits acknowledged', 20_000);
    const expected = materialize(ca.doc);
    expect(expected.children).toHaveLength(60);

    await s1.kill('SIGKILL');
    ca.destroy();
    cb.destroy();

    const s2 = await spawn();
    const reader = client(s2.url, p, a.token);
    await until(() => reader.provider.synced, 'reloaded', 20_000);
    const tree = materialize(reader.doc);
    expect(tree).toEqual(expected);
  });

  it('keeps two processes in sync through Redis (updates and presence)', async () => {
    const p = await createProject(pool);
    const a = await editor(p, 'A');
    const b = await editor(p, 'B');
    const [s1, s2] = await Promise.all([spawn({ REDIS_URL }), spawn({ REDIS_URL })]);
    expect(s1!.port).not.toBe(s2!.port);
    const ca = client(s1!.url, p, a.token);
    const cb = client(s2!.url, p, b.token);
    await until(() => ca.provider.synced && cb.provider.synced, 'synced');

    addLayer(ca.doc, raster('from-1'));
    await until(() => cb.doc.getMap('nodes').has('from-1'), 'process 1 → process 2');
    addLayer(cb.doc, raster('from-2'));
    setProps(cb.doc, 'from-1', { name: 'renamed on 2' });
    await until(() => ca.doc.getMap('nodes').has('from-2'), 'process 2 → process 1');
    await until(() => ca.allAcked() && cb.allAcked(), 'acked');
    // B's edits reach process 1 as separate relayed updates (the layer, then the rename): wait for all of them
    await until(() => isDeepStrictEqual(materialize(ca.doc), materialize(cb.doc)), 'both documents converge');
    expect(materialize(ca.doc)).toEqual(materialize(cb.doc));

    ca.provider.awareness.setLocalState({ user: { id: a.id, name: 'A', color: '#123456' }, cursor: { x: 3, y: 4 } });
    await until(() => cb.provider.awareness.getStates().get(ca.doc.clientID)?.['cursor']?.x === 3, 'presence crosses processes');
    ca.destroy();
    await until(() => !cb.provider.awareness.getStates().has(ca.doc.clientID), 'presence removed across processes');

    // a third client on process 2 loads the merged state from the log
    const cc = client(s2!.url, p, a.token);
    await until(() => cc.provider.synced && cc.doc.getMap('nodes').size === 2, 'late joiner');
    expect(materialize(cc.doc)).toEqual(materialize(cb.doc));

    // removing B is announced on process 1; B's connection lives on process 2 and is closed there
    await setMember(pool, p, b.id, null);
    await s1!.request({ type: 'membershipChanged', projectId: p, userId: b.id });
    await until(() => cb.closes.length > 0, 'removal crosses processes');
    expect(cb.closes[0]!.code).toBe(4403);
  });
});
