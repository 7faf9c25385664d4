/** Turns onProgress(stage, fraction) callbacks into time per stage: a stage lasts from its first report until the next stage's first report (or the end). */
export class StageTimer {
  private readonly starts: { stage: string; at: number }[] = [];
  private readonly t0: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.t0 = now();
  }

  /** Matches decompose's onProgress(stage, fraction); the fraction is not needed for timing. */
  readonly onProgress = (stage: string): void => {
    if (!this.starts.some((s) => s.stage === stage)) this.starts.push({ stage, at: this.now() });
  };

  /** Milliseconds per stage in first-seen order; time before the first report is "(before first stage)". */
  finish(): Record<string, number> {
    const end = this.now();
    const out: Record<string, number> = {};
    const first = this.starts[0];
    if (first && first.at > this.t0) out['(before first stage)'] = first.at - this.t0;
    this.starts.forEach((s, i) => {
      out[s.stage] = (this.starts[i + 1]?.at ?? end) - s.at;
    });
    return out;
  }
}
