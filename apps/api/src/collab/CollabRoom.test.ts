import { addLayer, materialize, setProps } from '@strata/document';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from './closeCodes.js';
import { encodeMessage } from './protocol.js';
import { PROJECT, nodeMap, roomHarness, seededDocUpdate } from './testing/roomHarness.js';
import { until } from './testing/until.js';

const alice = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Alice' };
const bob = { id: 'b0000000-0000-4000-8000-000000000002', name: 'Bob' };
const raster = (id: string, extra = {}) => ({ id, kind: 'raster' as const, blob: '1'.repeat(64), width: 10, height: 10, ...extra });

async function twoEditors() {
  const h = roomHarness();
  h.roles.set(alice.id, 'editor');
  h.roles.set(bob.id, 'editor');
  const a = h.connect(alice);
  const b = h.connect(bob);
  await until(() => h.service.roomIfOpen(PROJECT)?.connectionCount === 2, 'both joined');
  return { h, a, b };
}

describe('CollabRoom (fake sockets, in-memory storage)', () => {
  it('logs an update before broadcasting and acknowledging it', async () => {
    const { h, a, b } = await twoEditors();
    let appendedBeforeBroadcast = false;
    const append = h.storage.append.bind(h.storage);
    h.storage.append = async (p, entries) => {
      const seq = await append(p, entries);
      appendedBeforeBroadcast = b.client.doc.getMap('nodes').size === 0;
      return seq;
    };
    Y.applyUpdate(a.client.doc, seededDocUpdate(1));
    await until(() => b.client.doc.getMap('nodes').size === 1, 'fan-out');
    expect(appendedBeforeBroadcast).toBe(true);
    await until(() => a.client.acked >= 1, 'ack');
    expect(h.storage.docs.get(PROJECT)!.log.length).toBeGreaterThan(0);
    expect(materialize(b.client.doc)).toEqual(materialize(a.client.doc));
  });

  it('sends a joining client the durable state', async () => {
    const { h, a } = await twoEditors();
    Y.applyUpdate(a.client.doc, seededDocUpdate(3));
    await until(() => a.client.acked >= 1, 'ack');
    h.roles.set('c', 'viewer');
    const c = h.connect({ id: 'c', name: 'Carol' });
    await until(() => c.client.doc.getMap('nodes').size === 3, 'initial sync');
    // a brand-new project's document was given its canvas size by the server
    expect(materialize(c.client.doc)).toMatchObject({ width: 100, height: 80 });
  });

  it('keeps viewers read-only: updates dropped, a notice sent, nothing logged', async () => {
    const { h, a } = await twoEditors();
    h.roles.set('v', 'viewer');
    const v = h.connect({ id: 'v', name: 'Vic' });
    await until(() => v.client.notices.some((n) => n.startsWith('read-only')), 'read-only notice on join');
    const before = h.storage.docs.get(PROJECT)!.log.length;
    v.client.notices = [];
    addLayer(v.client.doc, raster('sneaky'));
    await until(() => v.client.notices.some((n) => n.startsWith('read-only')), 'read-only notice on edit');
    await until(() => v.client.acked >= 2, 'viewer ack');
    expect(h.storage.docs.get(PROJECT)!.log.length).toBe(before);
    expect(a.client.doc.getMap('nodes').has('sneaky')).toBe(false);
    expect(h.service.roomIfOpen(PROJECT)!.doc.getMap('nodes').has('sneaky')).toBe(false);
  });

  it('drops schema-violating updates with a reason: own parent, opacity 7, unknown kind', async () => {
    const { h, a, b } = await twoEditors();
    addLayer(a.client.doc, raster('n1'));
    await until(() => b.client.doc.getMap('nodes').has('n1'), 'valid layer arrives');
    const room = h.service.roomIfOpen(PROJECT)!;

    const attempts: [string, (doc: Y.Doc) => void][] = [
      ['CYCLE', (doc) => nodeMap(doc, 'n1').set('at', ['n1', 'a5'])],
      ['INVALID_PROPERTY', (doc) => nodeMap(doc, 'n1').set('opacity', 7)],
      ['INVALID_PROPERTY', (doc) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ kind: 'vector', at: [null, 'a5'], pixels: ['1'.repeat(64), 1, 1] })) m.set(k, v);
        doc.getMap('nodes').set('weird', m);
      }],
    ];
    for (const [code, attempt] of attempts) {
      // each attempt from a fresh replica of the server state, so rejected edits do not pile up
      const rogue = h.connect({ id: alice.id, name: 'Alice again' });
      await until(() => rogue.client.doc.getMap('nodes').has('n1'), 'rogue synced');
      rogue.client.notices = [];
      attempt(rogue.client.doc);
      await until(() => rogue.client.notices.some((n) => n.startsWith(`invalid-update: ${code}`)), `invalid-update notice ${code}`);
      rogue.disconnect();
    }
    const tree = materialize(room.doc);
    expect(tree.children.map((n) => [n.id, n.opacity])).toEqual([['n1', 1]]);
    expect(materialize(b.client.doc)).toEqual(tree);
    expect(a.client.closed).toBeNull();
  });

  it('closes connections on malformed, oversized and flooding input, and the room stays healthy', async () => {
    const h = roomHarness({ limits: { maxMessageBytes: 10_000, rateBurst: 50, ratePerSecond: 10 } });
    for (const u of ['m', 'o', 'f', 'ok']) h.roles.set(u, 'editor');
    const m = h.connect({ id: 'm', name: 'm' });
    const o = h.connect({ id: 'o', name: 'o' });
    const f = h.connect({ id: 'f', name: 'f' });
    const ok = h.connect({ id: 'ok', name: 'ok' });
    await until(() => h.service.roomIfOpen(PROJECT)?.connectionCount === 4, 'joined');

    m.client.raw(new Uint8Array([0, 7, 1, 2])); // sync message of unknown type
    expect(m.client.closed?.code).toBe(CLOSE_CODES.MALFORMED.code);
    const truncated = h.connect({ id: 'm', name: 'm' });
    await until(() => h.service.roomIfOpen(PROJECT)?.connectionCount === 4, 'rejoined');
    truncated.client.raw(new Uint8Array([0, 2, 200])); // length prefix longer than the message
    expect(truncated.client.closed?.code).toBe(CLOSE_CODES.MALFORMED.code);

    o.client.raw(encodeMessage({ type: 'sync-update', update: new Uint8Array(20_000) }));
    expect(o.client.closed?.code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG.code);

    for (let i = 0; i < 200 && !f.client.closed; i++) f.client.raw(encodeMessage({ type: 'query-awareness' }));
    expect(f.client.closed?.code).toBe(CLOSE_CODES.RATE_LIMITED.code);

    addLayer(ok.client.doc, raster('still-fine'));
    await until(() => ok.client.acked >= 2, 'healthy room acks');
    expect(materialize(h.service.roomIfOpen(PROJECT)!.doc).children.map((n) => n.id)).toEqual(['still-fine']);
    expect(ok.client.closed).toBeNull();
  });

  it('closes a connection that keeps sending invalid updates', async () => {
    const h = roomHarness({ limits: { maxInvalidUpdates: 3 } });
    h.roles.set('x', 'editor');
    const x = h.connect({ id: 'x', name: 'x' });
    await until(() => x.client.received.length > 0, 'joined');
    for (let i = 0; i < 5; i++) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1); // not a valid Yjs update
      x.client.raw(encodeMessage({ type: 'sync-update', update: new Uint8Array([1, 1, 5, 0, 9, 9, 9]) }));
    }
    expect(x.client.closed?.code).toBe(CLOSE_CODES.INVALID_UPDATES.code);
  });

  it('refuses connections beyond the per-document limit', async () => {
    const h = roomHarness({ limits: { maxConnectionsPerDoc: 2 } });
    for (const u of ['1', '2', '3']) h.roles.set(u, 'editor');
    h.connect({ id: '1', name: '1' });
    h.connect({ id: '2', name: '2' });
    const third = h.connect({ id: '3', name: '3' });
    await until(() => third.client.closed !== null, 'third refused');
    expect(third.client.closed?.code).toBe(CLOSE_CODES.TOO_MANY_CONNECTIONS.code);
  });

  it('applies role changes and removals to open connections', async () => {
    const { h, a, b } = await twoEditors();
    h.roles.set(alice.id, 'viewer');
    await h.service.onMembershipChanged(PROJECT, alice.id);
    expect(a.client.notices.some((n) => n.startsWith('read-only'))).toBe(true);
    addLayer(a.client.doc, raster('from-demoted'));
    await until(() => a.client.acked >= 2, 'ack of dropped edit');
    expect(b.client.doc.getMap('nodes').has('from-demoted')).toBe(false);

    h.roles.delete(bob.id);
    await h.service.onMembershipChanged(PROJECT, bob.id);
    expect(b.client.closed?.code).toBe(CLOSE_CODES.FORBIDDEN.code);
    expect(h.service.roomIfOpen(PROJECT)!.connectionCount).toBe(1);
  });

  it('refuses non-members', async () => {
    const h = roomHarness();
    const s = h.connect({ id: 'stranger', name: 's' });
    await until(() => s.client.closed !== null, 'refused');
    expect(s.client.closed?.code).toBe(CLOSE_CODES.FORBIDDEN.code);
  });

  it('relays presence, refuses impersonation, and cleans up on disconnect', async () => {
    const { h, a, b } = await twoEditors();
    a.client.awareness.setLocalState({ user: { id: alice.id, name: 'Alice', color: '#ff0000' }, cursor: { x: 1, y: 2 }, selection: ['n1'] });
    const update = awarenessProtocol.encodeAwarenessUpdate(a.client.awareness, [a.client.doc.clientID]);
    a.client.push({ type: 'awareness', update });
    await until(() => b.client.awareness.getStates().has(a.client.doc.clientID), 'presence arrives');
    expect(b.client.awareness.getStates().get(a.client.doc.clientID)).toMatchObject({ cursor: { x: 1, y: 2 } });

    b.client.awareness.setLocalState({ user: { id: alice.id, name: 'Fake Alice', color: '#00ff00' } });
    b.client.push({ type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(b.client.awareness, [b.client.doc.clientID]) });
    expect(b.client.notices.some((n) => n.startsWith('invalid-presence'))).toBe(true);
    expect(h.service.roomIfOpen(PROJECT)!.awareness.getStates().has(b.client.doc.clientID)).toBe(false);

    a.disconnect();
    await until(() => !b.client.awareness.getStates().has(a.client.doc.clientID), 'presence removed');
  });

  it('converges after offline edits on both sides', async () => {
    const { a, b } = await twoEditors();
    addLayer(a.client.doc, raster('base'));
    await until(() => b.client.doc.getMap('nodes').has('base'), 'base');
    a.client.online = false;
    addLayer(a.client.doc, raster('offline-a'));
    setProps(a.client.doc, 'base', { name: 'renamed offline' });
    setProps(b.client.doc, 'base', { opacity: 0.25 });
    addLayer(b.client.doc, raster('online-b'));
    await until(() => b.client.acked >= 2, 'b acked');
    a.client.online = true;
    a.client.flush();
    await until(() => b.client.doc.getMap('nodes').has('offline-a') && a.client.doc.getMap('nodes').has('online-b'), 'converged');
    expect(materialize(a.client.doc)).toEqual(materialize(b.client.doc));
  });

  it('writes server-side changes with the server origin, durably, and broadcasts them', async () => {
    const { h, a } = await twoEditors();
    const { seq } = await h.service.applyServerChange(PROJECT, (doc) => {
      addLayer(doc, raster('from-server'));
    });
    expect(seq).toBeGreaterThan(0);
    expect(h.storage.docs.get(PROJECT)!.log.at(-1)!.userId).toBeNull();
    await until(() => a.client.doc.getMap('nodes').has('from-server'), 'server change broadcast');
  });

  it('closes everyone with 4500 when the log cannot be written, and reloads from the log afterwards', async () => {
    const { h, a, b } = await twoEditors();
    addLayer(a.client.doc, raster('kept'));
    await until(() => a.client.acked >= 2, 'ack');
    h.storage.failNextAppend = true;
    addLayer(a.client.doc, raster('lost'));
    await until(() => a.client.closed !== null && b.client.closed !== null, 'closed');
    expect(a.client.closed?.code).toBe(CLOSE_CODES.INTERNAL.code);
    await until(() => h.service.roomIfOpen(PROJECT) === null, 'room dropped');
    const c = h.connect(bob);
    await until(() => c.client.doc.getMap('nodes').has('kept'), 'reloaded');
    expect(c.client.doc.getMap('nodes').has('lost')).toBe(false);
  });

  it('checkpoints after a quiet period with the authors since the last version; compacts the log', async () => {
    const h = roomHarness({ checkpointQuietMs: 40, compactEvery: 3 });
    h.roles.set(alice.id, 'editor');
    h.roles.set(bob.id, 'editor');
    const a = h.connect(alice);
    const b = h.connect(bob);
    addLayer(a.client.doc, raster('a1'));
    addLayer(b.client.doc, raster('b1'));
    await until(() => h.storage.docs.get(PROJECT)!.versions.length === 1, 'auto checkpoint');
    const v = h.storage.docs.get(PROJECT)!.versions[0]!;
    expect(v.reason).toBe('auto');
    expect(v.authors).toEqual([alice.id, bob.id].sort());
    expect(v.tree.children.map((n) => n.id).sort()).toEqual(['a1', 'b1']);
    for (let i = 0; i < 4; i++) setProps(a.client.doc, 'a1', { x: i + 1 });
    await until(() => h.storage.docs.get(PROJECT)!.snapshot !== null, 'compaction');
    const manual = await h.service.createVersion(PROJECT, { name: 'named', description: 'by hand' });
    expect(manual.authors).toEqual([alice.id]);
    const stored = await h.storage.load(PROJECT);
    const reloaded = new Y.Doc();
    if (stored!.snapshot) Y.applyUpdate(reloaded, stored!.snapshot);
    for (const u of stored!.updates) Y.applyUpdate(reloaded, u);
    expect(materialize(reloaded)).toEqual(materialize(a.client.doc));
  });

  it('serves readers from the encoded state (cold), hydrates on the first edit, and cools down again', async () => {
    const h = roomHarness();
    h.storage.docs.get(PROJECT)!.log.push({ seq: 1, update: seededDocUpdate(5), userId: null });
    h.storage.docs.get(PROJECT)!.lastSeq = 1;
    h.roles.set(alice.id, 'editor');
    h.roles.set(bob.id, 'viewer');
    const v = h.connect(bob);
    await until(() => v.client.doc.getMap('nodes').size === 5, 'reader synced');
    const room = h.service.roomIfOpen(PROJECT)!;
    expect(room.isHot).toBe(false);
    const a = h.connect(alice);
    await until(() => a.client.doc.getMap('nodes').size === 5, 'editor synced');
    setProps(a.client.doc, 'layer-1', { name: 'hot now' });
    await until(() => a.client.acked >= 2, 'ack');
    expect(room.isHot).toBe(true);
    room.cool();
    expect(room.isHot).toBe(false);
    const late = h.connect({ id: alice.id, name: 'Alice 2' });
    await until(() => late.client.doc.getMap('nodes').size === 5, 'late reader synced');
    expect(materialize(late.client.doc)).toEqual(materialize(a.client.doc));
    expect(materialize(v.client.doc).children[1]!.name).toBe('hot now');
    room.applyRemoteUpdate(await (async () => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(a.client.doc));
      const out: Uint8Array[] = [];
      d.on('update', (u: Uint8Array) => out.push(u));
      setProps(d, 'layer-2', { name: 'from another process' });
      return Y.mergeUpdates(out);
    })(), 3);
    expect(room.isHot).toBe(false);
    await until(() => a.client.doc.getMap('nodes').size === 5 && materialize(a.client.doc).children[2]!.name === 'from another process', 'remote while cold');
    expect(materialize(room.doc)).toEqual(materialize(a.client.doc));
  });

  it('tells a client whose update depends on missing changes, and logs both once the gap is filled', async () => {
    const { h, a, b } = await twoEditors();
    addLayer(a.client.doc, raster('base'));
    await until(() => b.client.doc.getMap('nodes').has('base'), 'base');
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(a.client.doc));
    const updates: Uint8Array[] = [];
    d.on('update', (u: Uint8Array) => updates.push(u));
    setProps(d, 'base', { name: 'first' });
    setProps(d, 'base', { x: 7 });
    expect(updates).toHaveLength(2);
    a.client.push({ type: 'sync-update', update: updates[1]! });
    await until(() => a.client.notices.some((n) => n.includes('MISSING_DEPENDENCIES')), 'missing-dependencies notice');
    a.client.push({ type: 'sync-update', update: updates[0]! });
    await until(() => materialize(b.client.doc).children[0]!.x === 7, 'both arrive');
    const stored = await h.storage.load(PROJECT);
    const replica = new Y.Doc();
    for (const u of stored!.updates) Y.applyUpdate(replica, u);
    expect(materialize(replica).children[0]).toMatchObject({ name: 'first', x: 7 });
  });
});
