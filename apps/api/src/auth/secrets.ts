import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'stk_';

/** A new random secret: session cookie value or personal access token (`stk_…`). */
export function newSecret(kind: 'session' | 'token'): string {
  const body = randomBytes(32).toString('base64url');
  return kind === 'token' ? `${API_TOKEN_PREFIX}${body}` : body;
}

/** What the database stores instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
