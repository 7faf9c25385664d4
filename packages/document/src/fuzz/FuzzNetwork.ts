import * as Y from 'yjs';
import { UpdateValidator } from '../validateUpdate.js';
import { setCanvasSize } from '../ops/setCanvasSize.js';
import { createUndoManager } from '../undo.js';
import { type Editor, randomEdit } from './randomEdit.js';
import type { Rng } from './rng.js';

/**
 * - `star`: replica 0 is the sync server, the others are clients connected to it only (as with y-websocket).
 *   Each link is FIFO (a TCP connection) but links are served in random order; the server relays every update
 *   to the other clients, validating each incoming update first: an honest update must never be rejected, and
 *   since delivery is causal every replica must satisfy the tree invariants at every step.
 * - `mesh`: every replica sends to every other one and messages are delivered in fully random order (even out of
 *   order per sender). Yjs then holds updates whose dependencies are missing and may show transient states, so
 *   the invariants are checked only once everything is delivered.
 */
export type Topology = 'star' | 'mesh';

interface Message {
  from: number;
  to: number;
  update: Uint8Array;
}

/** In `mesh`, how far a message may overtake older ones on its link. */
const REORDER_WINDOW = 4;

class Remote {
  constructor(readonly from: number) {}
}

/** Replicas connected by a network whose links can be cut (partitions) and that delivers in random order. */
export class FuzzNetwork {
  readonly editors: Editor[] = [];
  /** per link `from>to`, oldest first */
  private readonly links = new Map<string, Message[]>();
  private side: number[];
  private readonly validator: UpdateValidator | null;
  readonly log: string[] = [];
  validated = 0;

  constructor(private readonly rng: Rng, replicas: number, readonly topology: Topology) {
    for (let i = 0; i < replicas; i += 1) {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      const origin = { user: i };
      let n = 0;
      const editor: Editor = {
        doc,
        ctx: { origin, newId: () => `r${i}-${++n}` },
        undo: createUndoManager(doc, origin, { captureTimeout: 0 }),
        server: i === 0,
        snapshots: [],
      };
      doc.on('update', (update: Uint8Array, from: unknown) => this.route(i, update, from instanceof Remote ? from.from : null));
      this.editors.push(editor);
    }
    this.side = this.editors.map(() => 0);
    this.validator = topology === 'star' ? new UpdateValidator(this.editors[0]!.doc) : null;
    // the document exists before anyone edits: canvas size set on the server and delivered to everyone
    setCanvasSize(this.editors[0]!.doc, { width: 800, height: 600 }, { origin: 'setup' });
    while (this.deliverOne());
  }

  /** Who receives an update that replica `at` just applied (`cameFrom`: the sender, null for a local edit). */
  private route(at: number, update: Uint8Array, cameFrom: number | null): void {
    const n = this.editors.length;
    const send = (to: number): void => {
      const key = `${at}>${to}`;
      const queue = this.links.get(key) ?? [];
      queue.push({ from: at, to, update });
      this.links.set(key, queue);
    };
    if (this.topology === 'mesh') {
      if (cameFrom === null) for (let to = 0; to < n; to += 1) if (to !== at) send(to);
    } else if (at === 0) {
      for (let to = 1; to < n; to += 1) if (to !== cameFrom) send(to);
    } else if (cameFrom === null) {
      send(0);
    }
  }

  get pending(): number {
    let n = 0;
    for (const queue of this.links.values()) n += queue.length;
    return n;
  }

  edit(replica: number, maxNodes: number): void {
    this.log.push(`#${replica} ${randomEdit(this.rng, this.editors[replica]!, maxNodes)}`);
  }

  private linkUp(key: string): boolean {
    const [from, to] = key.split('>').map(Number);
    return this.side[from!] === this.side[to!];
  }

  /**
   * Delivers one message from a random link that is up and has messages; false if there is none. In `star` the
   * link's oldest message (FIFO); in `mesh` any of its oldest REORDER_WINDOW messages.
   */
  deliverOne(): boolean {
    const links = [...this.links].filter(([key, queue]) => queue.length > 0 && this.linkUp(key));
    if (links.length === 0) return false;
    const [, queue] = this.rng.pick(links);
    const index = this.topology === 'star' ? 0 : this.rng.int(Math.min(REORDER_WINDOW, queue.length));
    const [message] = queue.splice(index, 1);
    const { from, to, update } = message!;
    if (to === 0 && this.validator) {
      const verdict = this.validator.validate(update);
      this.validated += 1;
      if (!verdict.ok) throw new Error(`server rejected an honest update from #${from}: ${verdict.error.code} ${verdict.error.message}`);
    }
    Y.applyUpdate(this.editors[to]!.doc, update, new Remote(from));
    return true;
  }

  /** Cuts the network into two random sides (or heals it, if already cut). */
  togglePartition(): void {
    if (this.side.some((s) => s !== 0)) {
      this.heal();
      return;
    }
    this.side = this.side.map(() => this.rng.int(2));
    this.log.push(`partition ${this.side.join('')}`);
  }

  heal(): void {
    this.side = this.side.map(() => 0);
    this.log.push('heal');
  }

  /** Heals and delivers everything. */
  settle(): void {
    this.heal();
    while (this.deliverOne());
  }

  destroy(): void {
    this.validator?.destroy();
    for (const e of this.editors) {
      e.undo.destroy();
      e.doc.destroy();
    }
  }
}
