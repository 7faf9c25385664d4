import { addLayer, materialize, setProps } from '@strata/document';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../testing/testDatabaseUrl.js';
import { mergeUpdates } from '../CollabRoom.js';
import { createProject, createUser } from '../testing/dbFactories.js';
import { seededDocUpdate } from '../testing/roomHarness.js';
import { until } from '../testing/until.js';
import { PostgresCollabStorage } from './PostgresCollabStorage.js';

let pool: pg.Pool;
let storage: PostgresCollabStorage;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
  storage = new PostgresCollabStorage(pool);
});
afterAll(async () => {
  await pool.end();
});

const edit = (doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array => {
  const out: Uint8Array[] = [];
  const h = (u: Uint8Array) => out.push(u);
  doc.on('update', h);
  fn(doc);
  doc.off('update', h);
  return Y.mergeUpdates(out);
};

describe('PostgresCollabStorage', () => {
  it('returns null for an unknown project and an empty doc for a new one', async () => {
    expect(await storage.load('00000000-0000-4000-8000-00000000dead')).toBeNull();
    const p = await createProject(pool);
    expect(await storage.load(p)).toEqual({ snapshot: null, updates: [], lastSeq: 0, width: 100, height: 80 });
  });

  it('appends with increasing seqs, loads snapshot + later updates, compacts with a stale-write guard', async () => {
    const p = await createProject(pool);
    const user = await createUser(pool);
    const doc = new Y.Doc();
    const u0 = seededDocUpdate(2);
    Y.applyUpdate(doc, u0);
    expect(await storage.append(p, [{ update: u0, userId: user.id }])).toBe(1);
    const u1 = edit(doc, (d) => setProps(d, 'layer-0', { x: 5 }));
    const u2 = edit(doc, (d) => setProps(d, 'layer-1', { name: 'renamed' }));
    expect(await storage.append(p, [{ update: u1, userId: user.id }, { update: u2, userId: null }])).toBe(3);

    // concurrent appends from two "processes" never collide on seq
    const more = await Promise.all(Array.from({ length: 6 }, (_, i) => storage.append(p, [{ update: edit(doc, (d) => setProps(d, 'layer-0', { y: i + 1 })), userId: null }])));
    expect(new Set(more).size).toBe(6);
    expect(Math.max(...more)).toBe(9);

    const compacted = await storage.compact(p, mergeUpdates);
    expect(compacted).toEqual({ written: true, upToSeq: 9, updatesFolded: 9 });
    const u3 = edit(doc, (d) => addLayer(d, { id: 'late', kind: 'raster', blob: 'a'.repeat(64), width: 1, height: 1 }));
    expect(await storage.append(p, [{ update: u3, userId: user.id }])).toBe(10);

    const loaded = (await storage.load(p))!;
    expect(loaded.lastSeq).toBe(10);
    expect(loaded.updates).toHaveLength(1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, loaded.snapshot!);
    for (const u of loaded.updates) Y.applyUpdate(replica, u);
    expect(materialize(replica)).toEqual(materialize(doc));

  });

  it('refuses a compaction when the snapshot version moved (deterministic stale write)', async () => {
    const p = await createProject(pool);
    const doc = new Y.Doc();
    const u0 = seededDocUpdate(1);
    Y.applyUpdate(doc, u0);
    await storage.append(p, [{ update: u0, userId: null }]);
    expect((await storage.compact(p, mergeUpdates)).written).toBe(true);
    await storage.append(p, [{ update: edit(doc, (d) => setProps(d, 'layer-0', { x: 2 })), userId: null }]);
    const client = await pool.connect();
    try {
      // hold the snapshot row: the other writer updates it and commits while our compaction is between read and write
      await client.query('BEGIN');
      await client.query(`UPDATE "DocSnapshot" SET "version" = "version" + 1 WHERE "projectId" = $1`, [p]);
      const pendingCompact = storage.compact(p, mergeUpdates);
      // wait until the compaction is blocked on the row lock, i.e. it read the old version and is about to write
      await until(async () => (await pool.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rowCount! > 0, 'compaction waits for the lock');
      await client.query('COMMIT');
      expect(await pendingCompact).toEqual({ written: false, reason: 'stale' });
    } finally {
      client.release();
    }
  });

  it('saves versions with rows and the authors since the previous version', async () => {
    const p = await createProject(pool, { width: 640, height: 480 });
    const a = await createUser(pool, 'A');
    const b = await createUser(pool, 'B');
    const doc = new Y.Doc();
    const u0 = seededDocUpdate(3);
    Y.applyUpdate(doc, u0);
    await storage.append(p, [{ update: u0, userId: a.id }]);
    const seq = await storage.append(p, [{ update: edit(doc, (d) => setProps(d, 'layer-2', { opacity: 0.5 })), userId: b.id }]);
    const v1 = await storage.saveVersion(p, { reason: 'auto', name: null, description: null, state: Y.encodeStateAsUpdate(doc), upToSeq: seq, tree: materialize(doc) });
    expect(v1.authors).toEqual([a.id, b.id].sort());
    const seq2 = await storage.append(p, [{ update: edit(doc, (d) => setProps(d, 'layer-0', { x: 3 })), userId: a.id }]);
    const v2 = await storage.saveVersion(p, { reason: 'manual', name: 'two', description: 'd', state: Y.encodeStateAsUpdate(doc), upToSeq: seq2, tree: materialize(doc) });
    expect(v2.authors).toEqual([a.id]);
    const rows = await pool.query(`SELECT "nodeId", "order", "opacity", "props" FROM "VersionNode" WHERE "versionId" = $1 ORDER BY "order"`, [v1.id]);
    expect(rows.rows.map((r) => r.nodeId)).toEqual(['layer-0', 'layer-1', 'layer-2']);
    expect(rows.rows[2].opacity).toBe(0.5);
    expect(rows.rows[0].props).toEqual({ blob: '0'.repeat(64) });
    const v = await pool.query(`SELECT "reason", "name", "width", "height", "upToSeq" FROM "Version" WHERE "id" = $1`, [v2.id]);
    expect(v.rows[0]).toMatchObject({ reason: 'manual', name: 'two', width: 100, height: 80, upToSeq: String(seq2) });
  });
});
