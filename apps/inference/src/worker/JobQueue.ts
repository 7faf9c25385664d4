import type { Hint } from '../pipeline/Hint.js';
import type { LayerCount } from '../pipeline/validateInput.js';

/** What a decomposition job asks for (the Job row's `options`). */
export interface DecomposeJobOptions {
  /** sha256 of the input image blob (PNG/JPEG/WebP, RGBA allowed). */
  blob: string;
  layers?: LayerCount;
  hints?: Hint[];
}

export interface ClaimedJob {
  id: string;
  projectId: string;
  nodeId: string | null;
  options: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface ResultLayer {
  blob: string;
  name: string;
  kind: 'background' | 'object' | 'text';
  x: number;
  y: number;
  width: number;
  height: number;
  text?: { content: string; fontSize: number; color: [number, number, number] };
  confidence: number;
}

/** The Job row's `result` on success: layers bottom to top, each pointing at its PNG blob. */
export interface DecomposeJobResult {
  width: number;
  height: number;
  layers: ResultLayer[];
}

/** The job queue as the worker sees it (Postgres in production: PgJobQueue). */
export interface JobQueue {
  /** Claim the next runnable decomposition job (or a running one whose lease expired), if any. */
  claim(workerId: string): Promise<ClaimedJob | undefined>;
  /** Record progress and renew the lease; returns false when the job was cancelled meanwhile. */
  progress(id: string, workerId: string, fraction: number, message: string): Promise<boolean>;
  complete(id: string, workerId: string, result: DecomposeJobResult, blobs: { sha256: string; bytes: number; width: number; height: number }[]): Promise<void>;
  /** Fail the job; a retryable failure goes back to the queue until its attempts are used up. */
  fail(id: string, workerId: string, message: string, retryable: boolean): Promise<void>;
}
