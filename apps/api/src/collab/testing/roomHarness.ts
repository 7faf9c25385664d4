import { addLayer, nodesMap, setCanvasSize } from '@strata/document';
import * as Y from 'yjs';
import { CollabService, type CollabServiceOptions } from '../CollabService.js';
import { strataDocumentModel } from '../documentModel.js';
import { InMemoryCollabStorage } from '../storage/InMemoryCollabStorage.js';
import type { CollabUser, Role } from '../types.js';
import { FakeClient } from './FakeClient.js';

export const PROJECT = '00000000-0000-4000-8000-000000000001';

/** A CollabService over in-memory storage with a settable membership table, and fake clients to connect. */
export function roomHarness(opts: Partial<CollabServiceOptions> = {}) {
  const storage = new InMemoryCollabStorage();
  storage.createProject(PROJECT, 100, 80);
  const roles = new Map<string, Role>();
  const events: unknown[] = [];
  const service = new CollabService({
    storage, document: strataDocumentModel, getRole: async (_p, u) => roles.get(u) ?? null,
    checkpointQuietMs: 0, idleCloseMs: 60_000, onEvent: (e) => events.push(e), ...opts,
  });
  const connect = (user: CollabUser, o: { ack?: boolean; hello?: boolean; initial?: Uint8Array } = {}) => {
    let handle: ReturnType<CollabService['connect']> | null = null;
    const client = new FakeClient((_s, data) => handle!.receive(data));
    client.online = false;
    // a replica that was edited offline: its state is sent by the sync step 2 after the handshake
    if (o.initial) Y.applyUpdate(client.doc, o.initial, client);
    handle = service.connect(client, user, PROJECT, { ack: o.ack ?? true });
    client.online = true;
    if (o.hello ?? true) client.hello();
    const disconnect = () => handle!.closed();
    return { client, handle, disconnect };
  };
  return { storage, roles, service, connect, events };
}

/** A doc with canvas meta and `n` raster layers, as an update. */
export function seededDocUpdate(n: number): Uint8Array {
  const doc = new Y.Doc();
  setCanvasSize(doc, { width: 100, height: 80 });
  for (let i = 0; i < n; i++) {
    addLayer(doc, { id: `layer-${i}`, kind: 'raster', name: `L${i}`, blob: i.toString(16).padStart(64, '0'), width: 10, height: 10 });
  }
  return Y.encodeStateAsUpdate(doc);
}

export function nodeMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const m = nodesMap(doc).get(id);
  if (!(m instanceof Y.Map)) throw new Error(`no node ${id}`);
  return m;
}
