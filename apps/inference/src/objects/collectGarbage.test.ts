import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collectGarbage.js';

describe('collectGarbage', () => {
  it('frees an unreachable typed array without --expose-gc', async () => {
    const ref = ((): WeakRef<Float32Array> => new WeakRef(new Float32Array(1 << 20)))();
    // a WeakRef keeps its target alive until the current job ends
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
