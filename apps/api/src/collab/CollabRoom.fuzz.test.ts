import { addGroup, addLayer, materialize, move, remove, setProps, structureOf } from '@strata/document';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PROJECT, roomHarness } from './testing/roomHarness.js';
import { until } from './testing/until.js';

/** mulberry32: small seeded PRNG */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.COLLAB_FUZZ_SEED ?? 20261127);

describe('CollabRoom fuzz (seeded): clients editing through the server while dropping off and reconnecting', () => {
  it(`converges: every client, the room and a reload from the log hold the same tree (seed ${SEED})`, async () => {
    const random = rng(SEED);
    const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(random() * xs.length)];
    const h = roomHarness({ limits: { rateBurst: 100_000, ratePerSecond: 100_000 } });
    const users = [0, 1, 2, 3].map((i) => ({ id: `user-${i}`, name: `U${i}` }));
    for (const u of users) h.roles.set(u.id, 'editor');
    type Session = ReturnType<typeof h.connect>;
    // a replica is either connected (a session) or offline (a bare doc that keeps being edited)
    const replicas: ({ online: Session } | { offline: Y.Doc })[] = users.map((u) => ({ online: h.connect(u) }));
    const docOf = (r: (typeof replicas)[number]): Y.Doc => ('online' in r ? r.online.client.doc : r.offline);
    let nextId = 0;
    let reconnects = 0;
    try {
      for (let step = 0; step < 500; step++) {
        const i = Math.floor(random() * replicas.length);
        const rep = replicas[i]!;
        const r = random();
        if (r < 0.04 && 'online' in rep) {
          // connection drops: keep editing a copy of the replica offline
          rep.online.disconnect();
          const offline = new Y.Doc();
          Y.applyUpdate(offline, Y.encodeStateAsUpdate(rep.online.client.doc));
          replicas[i] = { offline };
          continue;
        }
        if (r < 0.1 && 'offline' in rep) {
          replicas[i] = { online: h.connect(users[i]!, { initial: Y.encodeStateAsUpdate(rep.offline) }) };
          reconnects++;
          continue;
        }
        const doc = docOf(rep);
        const structure = structureOf(doc);
        const ids = [...structure.records.keys()];
        const groups = ids.filter((id) => structure.records.get(id)!.type === 'group');
        const op = random();
        if (op < 0.35 || ids.length < 3) {
          const id = `n${nextId++}`;
          const parent = random() < 0.4 ? pick(groups) ?? null : null;
          if (random() < 0.25) addGroup(doc, { id }, { parent });
          else addLayer(doc, { id, kind: 'raster', blob: (nextId % 16).toString(16).repeat(64), width: 8, height: 8 }, { parent });
        } else if (op < 0.7) {
          const id = pick(ids)!;
          setProps(doc, id, random() < 0.5 ? { opacity: Math.round(random() * 100) / 100 } : { name: `N${step}`, x: step });
        } else if (op < 0.9) {
          move(doc, pick(ids)!, random() < 0.5 ? pick(groups) ?? null : null, 0);
        } else {
          remove(doc, pick(ids)!);
        }
        if (step % 40 === 0) await new Promise((res) => setImmediate(res));
      }
      // everyone back online
      for (let i = 0; i < replicas.length; i++) {
        const rep = replicas[i]!;
        if ('offline' in rep) replicas[i] = { online: h.connect(users[i]!, { initial: Y.encodeStateAsUpdate(rep.offline) }) };
      }
      const sessions = replicas.map((r) => ('online' in r ? r.online : null)).filter((x): x is Session => x !== null);
      const room = h.service.roomIfOpen(PROJECT)!;
      const target = () => JSON.stringify(materialize(room.doc));
      await until(() => sessions.every((s) => JSON.stringify(materialize(s.client.doc)) === target()), 'convergence', 20_000);
      await room.whenDurable();
      const stored = (await h.storage.load(PROJECT))!;
      const reloaded = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(reloaded, u);
      expect(JSON.stringify(materialize(reloaded))).toBe(target());
      expect(materialize(reloaded).children.length).toBeGreaterThan(0);
      expect(reconnects).toBeGreaterThan(3);
    } catch (e) {
      throw new Error(`collab fuzz failed with COLLAB_FUZZ_SEED=${SEED}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
});
