import { describe, expect, it } from 'vitest';
import { SignInLimiter } from './SignInLimiter.js';

describe('SignInLimiter', () => {
  it('blocks a key after maxFailures within the window and forgets old failures', () => {
    let t = 0;
    const limiter = new SignInLimiter({ maxFailures: 3, windowMs: 1000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked(['a'])).toBe(false);
      limiter.recordFailure(['a']);
      t += 10;
    }
    expect(limiter.isBlocked(['a'])).toBe(true);
    expect(limiter.isBlocked(['b'])).toBe(false);
    t += 1000;
    expect(limiter.isBlocked(['a'])).toBe(false);
  });
  it('success clears the count', () => {
    const limiter = new SignInLimiter({ maxFailures: 2 });
    limiter.recordFailure(['a']);
    limiter.recordSuccess(['a']);
    limiter.recordFailure(['a']);
    expect(limiter.isBlocked(['a'])).toBe(false);
  });
});
