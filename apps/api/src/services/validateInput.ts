/** Pure input checks for mutations; each failure names its input path. */
import { userError, type UserErrorValue } from '../errors/AppError.js';

export const MAX_NAME_LENGTH = 200;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(email: string, path: string[]): UserErrorValue[] {
  const e = normalizeEmail(email);
  return e.length > 254 || !EMAIL.test(e) ? [userError('INVALID_INPUT', 'Enter a valid email address', path)] : [];
}

export function checkName(name: string, path: string[], what = 'Name'): UserErrorValue[] {
  const n = name.trim();
  if (!n) return [userError('INVALID_INPUT', `${what} must not be empty`, path)];
  if (n.length > MAX_NAME_LENGTH) {
    return [userError('INVALID_INPUT', `${what} must be at most ${MAX_NAME_LENGTH} characters`, path)];
  }
  return [];
}

export function checkPassword(password: string, path: string[]): UserErrorValue[] {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return [userError('INVALID_INPUT',
      `Password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, path)];
  }
  return [];
}

export function checkCanvasSize(value: number | null | undefined, path: string[]): UserErrorValue[] {
  if (value === null || value === undefined) return [];
  return Number.isInteger(value) && value >= 1 && value <= 30_000
    ? [] : [userError('INVALID_INPUT', 'Canvas size must be 1 to 30000 pixels', path)];
}
