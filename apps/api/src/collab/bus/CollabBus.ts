import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Messages between API processes serving the same document (scale-out). Updates are already durable when sent. */
export type BusMessage =
  | { type: 'update'; update: Uint8Array; seq: number }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'membership'; userId: string };

export interface CollabBus {
  /** Subscribes to a project's channel; resolves once the subscription is active. Own messages are not delivered. */
  subscribe(projectId: string, handler: (m: BusMessage) => void): Promise<() => Promise<void>>;
  publish(projectId: string, m: BusMessage): void;
  close(): Promise<void>;
}

const KIND = { update: 0, awareness: 1, membership: 2 } as const;
export const BUS_PROTOCOL_VERSION = 1;

/** Wire format: [varUint version][varString sender][varUint kind] payload. */
export function encodeBusMessage(sender: string, m: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, BUS_PROTOCOL_VERSION);
  encoding.writeVarString(e, sender);
  switch (m.type) {
    case 'update':
      encoding.writeVarUint(e, KIND.update);
      encoding.writeVarUint(e, m.seq);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case 'awareness':
      encoding.writeVarUint(e, KIND.awareness);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case 'membership':
      encoding.writeVarUint(e, KIND.membership);
      encoding.writeVarString(e, m.userId);
      break;
    default: {
      const never: never = m;
      return never;
    }
  }
  return encoding.toUint8Array(e);
}

export function decodeBusMessage(data: Uint8Array): { sender: string; message: BusMessage } | null {
  try {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== BUS_PROTOCOL_VERSION) return null;
    const sender = decoding.readVarString(d);
    const kind = decoding.readVarUint(d);
    switch (kind) {
      case KIND.update: {
        const seq = decoding.readVarUint(d);
        return { sender, message: { type: 'update', seq, update: decoding.readVarUint8Array(d) } };
      }
      case KIND.awareness:
        return { sender, message: { type: 'awareness', update: decoding.readVarUint8Array(d) } };
      case KIND.membership:
        return { sender, message: { type: 'membership', userId: decoding.readVarString(d) } };
      default:
        return null;
    }
  } catch {
    return null;
  }
}
