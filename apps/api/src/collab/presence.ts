import * as decoding from 'lib0/decoding';

/**
 * Presence rides on y-protocols awareness. A client's state must be `{ user: { id, name, color }, cursor?, selection? }`
 * with `user.id` equal to the authenticated user: nobody can impersonate another user's cursor.
 */
export interface PresenceState {
  user: { id: string; name: string; color: string };
  /** canvas coordinates, or null when the pointer is outside the canvas */
  cursor?: { x: number; y: number } | null;
  /** selected node ids */
  selection?: string[];
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null = the client went away */
  state: unknown;
  stateBytes: number;
}

export type PresenceCheck = { ok: true; entries: AwarenessEntry[] } | { ok: false; error: string };

/** Decodes an awareness update (y-protocols format) and checks each state against the presence schema. */
export function checkPresenceUpdate(update: Uint8Array, userId: string, maxStateBytes: number): PresenceCheck {
  let entries: AwarenessEntry[];
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    if (n > 64) return { ok: false, error: 'too many awareness entries' };
    entries = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarString(d);
      entries.push({ clientId, clock, state: JSON.parse(json) as unknown, stateBytes: json.length });
    }
    if (decoding.hasContent(d)) return { ok: false, error: 'trailing bytes in awareness update' };
  } catch {
    return { ok: false, error: 'malformed awareness update' };
  }
  for (const e of entries) {
    if (e.state === null) continue;
    if (e.stateBytes > maxStateBytes) return { ok: false, error: `presence state larger than ${maxStateBytes} bytes` };
    const problem = presenceProblem(e.state, userId);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, entries };
}

function presenceProblem(state: unknown, userId: string): string | null {
  if (!isObject(state)) return 'presence state must be an object';
  // an empty state is what a client has before it sets its fields
  if (Object.keys(state).length === 0) return null;
  const user = state['user'];
  if (!isObject(user)) return 'presence.user is required';
  if (user['id'] !== userId) return 'presence.user.id must be the authenticated user';
  if (typeof user['name'] !== 'string' || user['name'].length > 256) return 'presence.user.name must be a string';
  if (typeof user['color'] !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(user['color'])) return 'presence.user.color must be #rrggbb';
  const cursor = state['cursor'];
  if (cursor !== undefined && cursor !== null) {
    if (!isObject(cursor) || !Number.isFinite(cursor['x']) || !Number.isFinite(cursor['y'])) return 'presence.cursor must be { x, y }';
  }
  const selection = state['selection'];
  if (selection !== undefined) {
    if (!Array.isArray(selection) || selection.length > 10_000 || !selection.every((s) => typeof s === 'string' && s.length <= 64)) {
      return 'presence.selection must be a list of node ids';
    }
  }
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
