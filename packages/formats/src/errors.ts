/** Expected import/export failures, each with a stable code (mapped to user errors by the API). */
export type FormatErrorCode =
  | 'TRUNCATED_FILE'
  | 'INVALID_FILE'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_COLOR_MODE'
  | 'UNSUPPORTED_BIT_DEPTH'
  | 'TOO_MANY_LAYERS'
  | 'CANVAS_TOO_LARGE'
  | 'TOO_MUCH_PIXEL_DATA';

export class FormatError extends Error {
  override name = 'FormatError';
  constructor(readonly code: FormatErrorCode, message: string) {
    super(message);
  }
}

/** Thrown by exporters when the tree points at something the blob reader cannot give (a bug or a lost blob). */
export class ExportError extends Error {
  override name = 'ExportError';
}

export type Result<T, E = FormatError> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: FormatErrorCode, message: string): Result<never> => ({ ok: false, error: new FormatError(code, message) });
