import { ERROR_CODES, type ErrorCodeName } from '@strata/schema';

/**
 * An expected, user-facing failure with a registry code. Its message is safe to show; anything else thrown is
 * reported as INTERNAL_SERVER_ERROR with a request id and never echoed.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCodeName;
  readonly path: readonly string[] | undefined;

  constructor(code: ErrorCodeName, message?: string, path?: readonly string[]) {
    super(message ?? ERROR_CODES[code].message);
    this.code = code;
    this.path = path;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** A mutation's `userErrors` entry. */
export interface UserErrorValue {
  code: ErrorCodeName;
  message: string;
  path: string[] | null;
}

export function userError(code: ErrorCodeName, message?: string, path?: readonly string[]): UserErrorValue {
  return { code, message: message ?? ERROR_CODES[code].message, path: path ? [...path] : null };
}

export function toUserError(e: AppError): UserErrorValue {
  return userError(e.code, e.message, e.path);
}
