import type { DecomposeOptions } from '../decompose.js';
import type { BlobDir } from './BlobDir.js';
import type { JobQueue } from './JobQueue.js';
import { runJob } from './runJob.js';

export interface WorkerOptions {
  queue: JobQueue;
  blobs: BlobDir;
  workerId: string;
  /** How long to wait between polls when the queue is empty. */
  idleMs?: number;
  engine?: Pick<DecomposeOptions, 'matter' | 'detectText'>;
  log?: (line: string) => void;
}

/**
 * Poll the queue and run jobs one at a time. Progress is written at most twice a second; a job cancelled in the
 * database (its progress update no longer matches) is aborted through the pipeline's AbortSignal.
 */
export class Worker {
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly o: WorkerOptions) {}

  /** Run one job if one is queued; returns whether there was one. */
  async tick(): Promise<boolean> {
    const { queue, blobs, workerId } = this.o;
    const job = await queue.claim(workerId);
    if (!job) return false;
    const controller = new AbortController();
    let lastWrite = 0;
    let pending: Promise<void> = Promise.resolve();
    const report = (fraction: number, message: string): void => {
      const now = Date.now();
      if (now - lastWrite < 500 && fraction < 1) return;
      lastWrite = now;
      pending = pending
        .then(() => queue.progress(job.id, workerId, fraction, message))
        .then((alive) => {
          if (!alive) controller.abort();
        })
        .catch(() => undefined);
    };
    this.o.log?.(`job ${job.id}: started (attempt ${job.attempts})`);
    const outcome = await runJob(job, blobs, report, controller.signal, this.o.engine);
    await pending;
    if (controller.signal.aborted) {
      this.o.log?.(`job ${job.id}: cancelled`);
    } else if (outcome.ok) {
      await queue.complete(job.id, workerId, outcome.result, outcome.blobs);
      this.o.log?.(`job ${job.id}: ${outcome.result.layers.length} layers`);
    } else {
      await queue.fail(job.id, workerId, outcome.message, outcome.retryable);
      this.o.log?.(`job ${job.id}: failed: ${outcome.message}`);
    }
    return true;
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      const worked = await this.tick().catch((error: unknown) => {
        this.o.log?.(`worker error: ${String(error)}`);
        return false;
      });
      if (!worked && !this.stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.o.idleMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }
}
