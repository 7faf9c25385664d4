/** Expected failures are values: every operation and validator returns one of these. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Exhaustive-switch guard: a `default:` that only type-checks when every case is handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new UnreachableError(`unexpected ${what}: ${JSON.stringify(value)}`);
}

export class UnreachableError extends Error {
  override name = 'UnreachableError';
}
