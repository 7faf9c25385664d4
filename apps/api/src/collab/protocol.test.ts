import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type CollabMessage } from './protocol.js';

describe('protocol', () => {
  it('round-trips every message type', () => {
    const msgs: CollabMessage[] = [
      { type: 'sync-step1', stateVector: new Uint8Array([0]) },
      { type: 'sync-step2', update: new Uint8Array([0, 0]) },
      { type: 'sync-update', update: new Uint8Array([1, 2, 3]) },
      { type: 'awareness', update: new Uint8Array([0]) },
      { type: 'query-awareness' },
      { type: 'auth', reason: 'read-only: viewers cannot edit' },
      { type: 'ack', count: 300 },
    ];
    for (const m of msgs) expect(decodeMessage(encodeMessage(m))).toEqual({ ok: true, value: m });
  });

  it('rejects malformed input as a value, never by throwing', () => {
    for (const bad of [[], [9], [0], [0, 5, 0], [0, 2, 10, 1], [1], [2, 1], [0, 0, 1, 0, 99], [255, 255, 255, 255, 255, 255, 255, 255, 255, 255]]) {
      const r = decodeMessage(new Uint8Array(bad));
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
  });
});
