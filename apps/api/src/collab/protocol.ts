/**
 * The y-websocket wire protocol as a discriminated union, decoded and encoded with lib0 / y-protocols.
 *
 * Message framing (one websocket binary frame = one message):
 *   [varUint type] payload
 *   type 0 sync:      [varUint 0 step1][varUint8Array stateVector] | [1 step2][varUint8Array update] | [2 update][...]
 *   type 1 awareness: [varUint8Array awarenessUpdate]
 *   type 2 auth:      [varUint 0 permissionDenied][varString reason]       (server → client: notices, see `Notice`)
 *   type 3 queryAwareness (no payload)
 *   type 100 ack:     [varUint n]  (server → client, only when the client connected with `?ack=1`): the first n
 *                     document-update messages this connection sent are durable in the log (or were dropped with a
 *                     notice). Stock y-websocket clients never receive it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const PROTOCOL_VERSION = 1;

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  ack: 100,
} as const;

const SyncType = { step1: 0, step2: 1, update: 2 } as const;

export type CollabMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth'; reason: string }
  | { type: 'ack'; count: number };

export type DecodeResult = { ok: true; value: CollabMessage } | { ok: false; error: string };

/** Notices go to clients as y-protocols auth "permission denied" messages with the reason `<code>: <detail>`. */
export type NoticeCode = 'read-only' | 'invalid-update' | 'invalid-presence';

export function decodeMessage(data: Uint8Array): DecodeResult {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let msg: CollabMessage;
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SyncType.step1) msg = { type: 'sync-step1', stateVector: payload };
        else if (sub === SyncType.step2) msg = { type: 'sync-step2', update: payload };
        else if (sub === SyncType.update) msg = { type: 'sync-update', update: payload };
        else return { ok: false, error: `unknown sync message type ${sub}` };
        break;
      }
      case MessageType.awareness:
        msg = { type: 'awareness', update: decoding.readVarUint8Array(d) };
        break;
      case MessageType.queryAwareness:
        msg = { type: 'query-awareness' };
        break;
      case MessageType.auth: {
        const sub = decoding.readVarUint(d);
        if (sub !== 0) return { ok: false, error: `unknown auth message type ${sub}` };
        msg = { type: 'auth', reason: decoding.readVarString(d) };
        break;
      }
      case MessageType.ack:
        msg = { type: 'ack', count: decoding.readVarUint(d) };
        break;
      default:
        return { ok: false, error: `unknown message type ${type}` };
    }
    if (decoding.hasContent(d)) return { ok: false, error: 'trailing bytes after message' };
    return { ok: true, value: msg };
  } catch (e) {
    return { ok: false, error: `truncated or invalid message: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function encodeMessage(msg: CollabMessage): Uint8Array {
  const e = encoding.createEncoder();
  switch (msg.type) {
    case 'sync-step1':
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncType.step1);
      encoding.writeVarUint8Array(e, msg.stateVector);
      break;
    case 'sync-step2':
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncType.step2);
      encoding.writeVarUint8Array(e, msg.update);
      break;
    case 'sync-update':
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncType.update);
      encoding.writeVarUint8Array(e, msg.update);
      break;
    case 'awareness':
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, msg.update);
      break;
    case 'query-awareness':
      encoding.writeVarUint(e, MessageType.queryAwareness);
      break;
    case 'auth':
      encoding.writeVarUint(e, MessageType.auth);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, msg.reason);
      break;
    case 'ack':
      encoding.writeVarUint(e, MessageType.ack);
      encoding.writeVarUint(e, msg.count);
      break;
    default:
      return assertNever(msg);
  }
  return encoding.toUint8Array(e);
}

export function noticeMessage(code: NoticeCode, detail: string): Uint8Array {
  return encodeMessage({ type: 'auth', reason: `${code}: ${detail}` });
}

export function assertNever(value: never): never {
  throw new UnreachableError(`unexpected value: ${JSON.stringify(value)}`);
}

export class UnreachableError extends Error {
  override name = 'UnreachableError';
}
