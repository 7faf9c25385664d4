/** Latency histogram in 0.05 ms buckets up to 60 s (fixed memory, exact enough for p50/p95/p99). */
export class Histogram {
  private static readonly STEP = 0.05;
  private readonly buckets = new Uint32Array(Math.ceil(60_000 / Histogram.STEP) + 1);
  count = 0;
  max = 0;
  private sum = 0;

  record(ms: number): void {
    const v = Math.max(0, ms);
    const i = Math.min(this.buckets.length - 1, Math.floor(v / Histogram.STEP));
    this.buckets[i]!++;
    this.count++;
    this.sum += v;
    if (v > this.max) this.max = v;
  }

  /** q in 0..1; upper edge of the bucket holding the q-th sample */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const target = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= target) return (i + 1) * Histogram.STEP;
    }
    return this.max;
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  summary(): { count: number; p50: number; p95: number; p99: number; max: number; mean: number } {
    const r = (x: number) => Math.round(x * 100) / 100;
    return { count: this.count, p50: r(this.quantile(0.5)), p95: r(this.quantile(0.95)), p99: r(this.quantile(0.99)), max: r(this.max), mean: r(this.mean) };
  }
}
