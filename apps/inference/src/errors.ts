/** Stable codes for every expected failure of the decomposition engine. */
export type DecomposeErrorCode =
  | 'BAD_IMAGE'
  | 'IMAGE_TOO_SMALL'
  | 'IMAGE_TOO_LARGE'
  | 'FULLY_TRANSPARENT'
  | 'BAD_LAYER_COUNT'
  | 'BAD_HINT'
  | 'MODEL_UNAVAILABLE'
  | 'ABORTED';

export class DecomposeError extends Error {
  override readonly name = 'DecomposeError';
  constructor(
    readonly code: DecomposeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DecomposeError('ABORTED', 'decomposition was cancelled');
}

/** Yield to the event loop so an AbortSignal can fire, then check it. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfAborted(signal);
}

/**
 * Settle with `work`, or reject with ABORTED as soon as `signal` fires, whichever is first. Work still running (a
 * model call cannot be interrupted) stops at its next checkpoint and its outcome is ignored.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DecomposeError('ABORTED', 'decomposition was cancelled'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
