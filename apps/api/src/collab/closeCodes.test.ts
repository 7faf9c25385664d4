import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, closeCodeName, shouldReconnect } from './closeCodes.js';

describe('close code registry', () => {
  it('has unique codes whose retry flag matches y-websocket’s default (4400-4499 permanent)', () => {
    const entries = Object.values(CLOSE_CODES);
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
    for (const e of entries) expect(e.retry).toBe(!(e.code >= 4400 && e.code < 4500));
    expect(closeCodeName(4403)).toBe('FORBIDDEN');
    expect(shouldReconnect(4401)).toBe(false);
    expect(shouldReconnect(1006)).toBe(true);
  });
});
