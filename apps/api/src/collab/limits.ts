/** Per-connection and per-document limits of the collaboration server. All overridable through `attachCollab`. */
export interface CollabLimits {
  /** largest single websocket message accepted from a client, in bytes */
  maxMessageBytes: number;
  /** token bucket per connection: burst size (messages) */
  rateBurst: number;
  /** token bucket per connection: sustained messages per second */
  ratePerSecond: number;
  /** open connections per document */
  maxConnectionsPerDoc: number;
  /** invalid document updates tolerated per connection before it is closed */
  maxInvalidUpdates: number;
  /** largest awareness state of one client, in bytes of JSON */
  maxPresenceBytes: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 1024 * 1024,
  // generous enough for unthrottled cursor presence (mousemove) plus edits; a flood still trips it within a second
  rateBurst: 500,
  ratePerSecond: 200,
  maxConnectionsPerDoc: 250,
  maxInvalidUpdates: 20,
  maxPresenceBytes: 4096,
};

/** A token bucket with an injected clock (milliseconds). `take()` returns false when the bucket is empty. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
