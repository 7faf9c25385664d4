import { addLayer, materialize, setProps } from '@strata/document';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../testing/testDatabaseUrl.js';
import { CLOSE_CODES } from '../closeCodes.js';
import { createProject, createSession, createToken, createUser, setMember } from '../testing/dbFactories.js';
import { connectClient, type TestClient } from '../testing/wsClient.js';
import { startCollabServer, type RunningCollabServer } from '../testing/startCollabServer.js';
import { until } from '../testing/until.js';

let server: RunningCollabServer;
const clients: TestClient[] = [];
const raster = (id: string) => ({ id, kind: 'raster' as const, blob: 'b'.repeat(64), width: 4, height: 4 });

beforeAll(async () => {
  server = await startCollabServer({ databaseUrl: testDatabaseUrl(), checkpointQuietMs: 0 });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

function client(projectId: string, creds: { token?: string; cookie?: string }): TestClient {
  const c = connectClient(server.url, projectId, creds);
  clients.push(c);
  return c;
}

async function member(projectId: string, role: 'owner' | 'editor' | 'viewer' | null, name = 'M') {
  const u = await createUser(server.pool, name);
  if (role) await setMember(server.pool, projectId, u.id, role);
  return { ...u, token: await createToken(server.pool, u.id) };
}

async function logCount(projectId: string): Promise<number> {
  const r = await server.pool.query(`SELECT count(*)::int AS n FROM "DocUpdate" WHERE "projectId" = $1`, [projectId]);
  return r.rows[0].n as number;
}

describe('collaboration websocket: permissions', () => {
  it('refuses anonymous and bad-token connections with 4401 and does not reconnect', async () => {
    const p = await createProject(server.pool);
    const anon = client(p, {});
    const bad = client(p, { token: 'stk_nope' });
    await until(() => anon.closes.length > 0 && bad.closes.length > 0, 'closed');
    expect(anon.closes[0]!.code).toBe(CLOSE_CODES.UNAUTHORIZED.code);
    expect(bad.closes[0]!.code).toBe(CLOSE_CODES.UNAUTHORIZED.code);
    // y-websocket 3.1 treats 44xx as permanent: it stops reconnecting
    expect(anon.provider.shouldConnect).toBe(false);
    expect(bad.provider.shouldConnect).toBe(false);
  });

  it('refuses non-members with 4403 (and unknown projects the same way)', async () => {
    const p = await createProject(server.pool);
    const stranger = await member(p, null);
    const c = client(p, { token: stranger.token });
    const ghost = client('00000000-0000-4000-8000-0000000000ff', { token: stranger.token });
    await until(() => c.closes.length > 0 && ghost.closes.length > 0, 'closed');
    expect(c.closes[0]!.code).toBe(CLOSE_CODES.FORBIDDEN.code);
    expect(ghost.closes[0]!.code).toBe(CLOSE_CODES.FORBIDDEN.code);
    const badPath = client('not-a-uuid', { token: stranger.token });
    await until(() => badPath.closes.length > 0, 'closed');
    expect(badPath.closes[0]!.code).toBe(CLOSE_CODES.NOT_FOUND.code);
  });

  it('lets editors (bearer token or session cookie) edit durably; viewers read but cannot write', async () => {
    const p = await createProject(server.pool);
    const editor = await member(p, 'editor', 'Ed');
    const viewer = await member(p, 'viewer', 'Vi');
    const cookie = await createSession(server.pool, editor.id);
    const e = client(p, { cookie });
    const v = client(p, { token: viewer.token });
    await until(() => e.provider.synced && v.provider.synced, 'synced');
    addLayer(e.doc, raster('by-editor'));
    await until(() => e.allAcked(), 'editor acked');
    expect(await logCount(p)).toBeGreaterThan(0);
    await until(() => v.doc.getMap('nodes').has('by-editor'), 'viewer receives');

    await until(() => v.notices.some((n) => n.startsWith('read-only')), 'read-only notice');
    const before = await logCount(p);
    setProps(v.doc, 'by-editor', { name: 'viewer was here' });
    await until(() => v.allAcked(), 'viewer messages processed');
    expect(await logCount(p)).toBe(before);
    const room = server.collab.service.roomIfOpen(p)!;
    expect(materialize(room.doc).children[0]!.name).toBe('Layer');
    expect(materialize(e.doc).children[0]!.name).toBe('Layer');
  });

  it('applies a downgrade and a removal to open connections', async () => {
    const p = await createProject(server.pool);
    const a = await member(p, 'editor', 'A');
    const b = await member(p, 'editor', 'B');
    const ca = client(p, { token: a.token });
    const cb = client(p, { token: b.token });
    await until(() => ca.provider.synced && cb.provider.synced, 'synced');

    await setMember(server.pool, p, a.id, 'viewer');
    await server.collab.service.onMembershipChanged(p, a.id);
    await until(() => ca.notices.some((n) => n.startsWith('read-only')), 'downgrade notice');
    addLayer(ca.doc, raster('after-downgrade'));
    await until(() => ca.allAcked(), 'processed');
    expect(server.collab.service.roomIfOpen(p)!.doc.getMap('nodes').has('after-downgrade')).toBe(false);

    await setMember(server.pool, p, b.id, null);
    await server.collab.service.onMembershipChanged(p, b.id);
    await until(() => cb.closes.length > 0, 'removed member closed');
    expect(cb.closes[0]!.code).toBe(CLOSE_CODES.FORBIDDEN.code);
    // the provider treats 44xx as permanent: it does not come back
    expect(server.collab.service.roomIfOpen(p)!.connectionCount).toBe(1);
  });
});

describe('collaboration websocket: bad input', () => {
  async function rawSocket(projectId: string, token: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
    const ws = new WebSocket(`${server.url}/${projectId}`, { headers: { authorization: `Bearer ${token}` } });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return { ws, closed };
  }

  it('closes malformed, text, oversized and flooding connections with their codes; the document stays healthy', async () => {
    const p = await createProject(server.pool);
    const u = await member(p, 'editor', 'Bad');
    const good = client(p, { token: u.token });
    await until(() => good.provider.synced, 'synced');

    const m = await rawSocket(p, u.token);
    m.ws.send(new Uint8Array([0, 9, 1, 1]));
    expect((await m.closed).code).toBe(CLOSE_CODES.MALFORMED.code);

    const t = await rawSocket(p, u.token);
    t.ws.send('hello');
    expect((await t.closed).code).toBe(CLOSE_CODES.MALFORMED.code);

    const big = await rawSocket(p, u.token);
    const payload = new Uint8Array(1024 * 1024 + 10);
    payload[0] = 0;
    payload[1] = 2;
    big.ws.send(payload);
    expect((await big.closed).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG.code);

    const flood = await rawSocket(p, u.token);
    for (let i = 0; i < 2000 && flood.ws.readyState === WebSocket.OPEN; i++) flood.ws.send(new Uint8Array([3]));
    expect((await flood.closed).code).toBe(CLOSE_CODES.RATE_LIMITED.code);

    addLayer(good.doc, raster('still-healthy'));
    await until(() => good.allAcked(), 'healthy');
    expect(good.closes).toEqual([]);
  });

  it('drops schema-violating updates (own parent, opacity 7, unknown kind) with a reason', async () => {
    const p = await createProject(server.pool);
    const u = await member(p, 'editor', 'Rogue');
    const watcher = client(p, { token: u.token });
    await until(() => watcher.provider.synced, 'synced');
    addLayer(watcher.doc, raster('n1'));
    await until(() => watcher.allAcked(), 'base acked');

    const attempts: [string, (d: Y.Doc) => void][] = [
      ['CYCLE', (d) => (d.getMap('nodes').get('n1') as Y.Map<unknown>).set('at', ['n1', 'a5'])],
      ['INVALID_PROPERTY', (d) => (d.getMap('nodes').get('n1') as Y.Map<unknown>).set('opacity', 7)],
      ['INVALID_PROPERTY', (d) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ kind: 'vector', at: [null, 'a5'], pixels: ['1'.repeat(64), 1, 1] })) m.set(k, v);
        d.getMap('nodes').set('weird', m);
      }],
    ];
    for (const [code, attempt] of attempts) {
      const rogue = client(p, { token: u.token });
      await until(() => rogue.provider.synced && rogue.doc.getMap('nodes').has('n1'), 'rogue synced');
      attempt(rogue.doc);
      await until(() => rogue.notices.some((n) => n.startsWith(`invalid-update: ${code}`)), `invalid-update notice ${code}`);
      rogue.destroy();
    }
    const tree = materialize(server.collab.service.roomIfOpen(p)!.doc);
    expect(tree.children.map((n) => [n.id, n.opacity])).toEqual([['n1', 1]]);
    expect(materialize(watcher.doc)).toEqual(tree);
    expect(watcher.closes).toEqual([]);
  });
});

describe('collaboration websocket: offline edits', () => {
  it('converges after a client edits while disconnected', async () => {
    const p = await createProject(server.pool);
    const a = await member(p, 'editor', 'A');
    const b = await member(p, 'editor', 'B');
    const ca = client(p, { token: a.token });
    const cb = client(p, { token: b.token });
    await until(() => ca.provider.synced && cb.provider.synced, 'synced');
    addLayer(ca.doc, raster('shared'));
    await until(() => cb.doc.getMap('nodes').has('shared'), 'shared arrives');

    ca.provider.disconnect();
    addLayer(ca.doc, raster('offline-1'));
    setProps(ca.doc, 'shared', { name: 'renamed offline', x: 10 });
    // a different property of the same node, concurrently: both survive (per-property last writer wins)
    setProps(cb.doc, 'shared', { opacity: 0.25 });
    addLayer(cb.doc, raster('online-1'));
    await until(() => cb.allAcked(), 'b acked');

    ca.provider.connect();
    await until(() => ca.doc.getMap('nodes').has('online-1') && cb.doc.getMap('nodes').has('offline-1'), 'converged');
    await until(() => ca.allAcked(), 'a acked');
    const room = server.collab.service.roomIfOpen(p)!;
    expect(materialize(ca.doc)).toEqual(materialize(cb.doc));
    expect(materialize(room.doc)).toEqual(materialize(ca.doc));
    const shared = materialize(cb.doc).children.find((n) => n.id === 'shared')!;
    expect(shared).toMatchObject({ name: 'renamed offline', x: 10, opacity: 0.25 });
  });
});
