import { parse as parseCookie } from 'cookie';

export const SESSION_COOKIE = 'strata_session';

export type Credentials =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'session'; secret: string }
  | { kind: 'malformed' };

/** Reads credentials from request headers: `Authorization: Bearer <token>` wins over the session cookie. */
export function credentialsFrom(headers: { authorization?: string | undefined; cookie?: string | undefined }): Credentials {
  const auth = headers.authorization;
  if (auth !== undefined && auth !== '') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1] ? { kind: 'bearer', token: m[1] } : { kind: 'malformed' };
  }
  const secret = headers.cookie ? parseCookie(headers.cookie)[SESSION_COOKIE] : undefined;
  return secret ? { kind: 'session', secret } : { kind: 'none' };
}
