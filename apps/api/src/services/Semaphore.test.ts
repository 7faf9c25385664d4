import { describe, expect, it } from 'vitest';
import { Semaphore } from './Semaphore.js';

describe('Semaphore', () => {
  it('never runs more than the limit at once, in arrival order', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) => gate.run(async () => {
      running++;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise<void>((r) => releases.push(r));
      running--;
    }));
    const drain = async () => {
      while (releases.length || order.length < 5) {
        await Promise.resolve();
        releases.shift()?.();
      }
    };
    await Promise.all([drain(), ...tasks]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});
