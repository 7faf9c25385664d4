import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { decodeBusMessage, encodeBusMessage, type BusMessage, type CollabBus } from './CollabBus.js';

/**
 * Redis pub/sub between API processes: one channel per project (`strata:collab:<projectId>`), binary messages.
 * Used only when REDIS_URL is set; a single process needs no bus.
 */
export class RedisCollabBus implements CollabBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly sender = randomUUID();
  private readonly handlers = new Map<string, Set<(m: BusMessage) => void>>();

  constructor(url: string, private readonly onError: (e: unknown) => void = () => undefined) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
      const decoded = decodeBusMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!decoded || decoded.sender === this.sender) return;
      const set = this.handlers.get(channel.toString());
      if (set) for (const h of set) h(decoded.message);
    });
  }

  async subscribe(projectId: string, handler: (m: BusMessage) => void): Promise<() => Promise<void>> {
    const channel = channelOf(projectId);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.sub.subscribe(channel);
    }
    set.add(handler);
    return async () => {
      const s = this.handlers.get(channel);
      if (!s) return;
      s.delete(handler);
      if (s.size === 0) {
        this.handlers.delete(channel);
        await this.sub.unsubscribe(channel);
      }
    };
  }

  publish(projectId: string, m: BusMessage): void {
    this.pub.publish(channelOf(projectId), Buffer.from(encodeBusMessage(this.sender, m))).catch(this.onError);
  }

  async close(): Promise<void> {
    this.sub.disconnect();
    await this.pub.quit().catch(() => undefined);
  }
}

function channelOf(projectId: string): string {
  return `strata:collab:${projectId}`;
}
