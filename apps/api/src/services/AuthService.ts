import { AppError, userError, type UserErrorValue } from '../errors/AppError.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Credentials } from '../auth/credentials.js';
import type { SignInLimiter } from '../auth/SignInLimiter.js';
import { ANONYMOUS, type SignedInViewer, type Viewer } from '../auth/Viewer.js';
import * as apiTokens from '../models/apiTokens.js';
import type { ApiToken, Db, User } from '../models/db.js';
import * as sessions from '../models/sessions.js';
import * as users from '../models/users.js';
import { checkEmail, checkName, checkPassword, normalizeEmail } from './validateInput.js';

export type AuthResult = { ok: true; user: User; session: { secret: string; expiresAt: Date } }
  | { ok: false; userErrors: UserErrorValue[] };

export interface AuthServiceOptions {
  sessionTtlMs?: number;
  /**
   * How long a verified session/token is trusted without asking the database again (default 2000 ms; 0 = never).
   * Revocation and sign-out in this process take effect at once; in other API processes within this time.
   */
  authCacheMs?: number;
  /** how often last-used / last-seen times are written, at most */
  touchIntervalMs?: number;
  now?: () => Date;
}

export class AuthService {
  private readonly sessionTtlMs: number;
  private readonly touchIntervalMs: number;
  private readonly now: () => Date;
  /** id → last time we wrote lastUsedAt/lastSeenAt (so a busy token does not write on every request) */
  private readonly touched = new Map<string, number>();
  private readonly authCacheMs: number;
  /** secret hash → verified viewer, until `until`; `expiresAt` is rechecked on every hit */
  private readonly verified = new Map<string, { viewer: SignedInViewer; until: number; expiresAt: Date | null }>();

  constructor(private readonly db: Db, private readonly limiters: { email: SignInLimiter; ip: SignInLimiter },
    options: AuthServiceOptions = {}) {
    this.sessionTtlMs = options.sessionTtlMs ?? 30 * 24 * 3600_000;
    this.touchIntervalMs = options.touchIntervalMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
    this.authCacheMs = options.authCacheMs ?? 2000;
  }

  private cached(hash: string): SignedInViewer | null {
    const hit = this.verified.get(hash);
    if (!hit) return null;
    const now = this.now();
    if (hit.until <= now.getTime() || (hit.expiresAt && hit.expiresAt <= now)) {
      this.verified.delete(hash);
      return null;
    }
    return hit.viewer;
  }

  private remember(hash: string, viewer: SignedInViewer, expiresAt: Date | null): SignedInViewer {
    if (this.authCacheMs > 0) {
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(hash, { viewer, until: this.now().getTime() + this.authCacheMs, expiresAt });
    }
    return viewer;
  }

  private forget(match: (viewer: SignedInViewer) => boolean): void {
    for (const [hash, entry] of this.verified) if (match(entry.viewer)) this.verified.delete(hash);
  }

  private async startSession(user: User): Promise<AuthResult> {
    const secret = newSecret('session');
    const expiresAt = new Date(this.now().getTime() + this.sessionTtlMs);
    await sessions.createSession(this.db, { userId: user.id, tokenHash: hashSecret(secret), expiresAt });
    return { ok: true, user, session: { secret, expiresAt } };
  }

  async signUp(input: { email: string; password: string; name: string }): Promise<AuthResult> {
    const errors = [...checkEmail(input.email, ['input', 'email']), ...checkPassword(input.password, ['input', 'password']),
      ...checkName(input.name, ['input', 'name'])];
    if (errors.length) return { ok: false, userErrors: errors };
    const created = await users.createUser(this.db, { email: normalizeEmail(input.email), name: input.name.trim(),
      passwordHash: await hashPassword(input.password) });
    if (created === 'email-taken') return { ok: false, userErrors: [userError('EMAIL_TAKEN', undefined, ['input', 'email'])] };
    return this.startSession(created);
  }

  async signIn(input: { email: string; password: string }, ip: string): Promise<AuthResult> {
    const email = normalizeEmail(input.email);
    const { email: byEmail, ip: byIp } = this.limiters;
    if (byEmail.isBlocked([email]) || byIp.isBlocked([ip])) return { ok: false, userErrors: [userError('RATE_LIMITED')] };
    const user = email.length <= 254 ? await users.findUserByEmail(this.db, email) : null;
    const valid = await verifyPassword(input.password.slice(0, 1024), user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !valid) {
      byEmail.recordFailure([email]);
      byIp.recordFailure([ip]);
      return { ok: false, userErrors: [userError('INVALID_CREDENTIALS')] };
    }
    byEmail.recordSuccess([email]);
    return this.startSession(user);
  }

  async signOut(viewer: Viewer): Promise<void> {
    if (viewer.kind === 'user' && viewer.via === 'session') {
      const id = viewer.sessionId;
      this.forget((v) => v.via === 'session' && v.sessionId === id);
      await sessions.deleteSession(this.db, id);
    }
  }

  private async touch(id: string, write: (now: Date) => Promise<void>): Promise<void> {
    const now = this.now();
    const last = this.touched.get(id) ?? 0;
    if (now.getTime() - last < this.touchIntervalMs) return;
    this.touched.set(id, now.getTime());
    if (this.touched.size > 50_000) this.touched.clear();
    await write(now);
  }

  /** The viewer for these credentials; a bad bearer token fails the whole request (a stale cookie does not). */
  async authenticate(credentials: Credentials): Promise<Viewer> {
    switch (credentials.kind) {
      case 'none':
        return ANONYMOUS;
      case 'malformed':
        throw new AppError('INVALID_TOKEN', 'Authorization must be "Bearer <token>"');
      case 'session': {
        const hash = hashSecret(credentials.secret);
        const hit = this.cached(hash);
        if (hit) return hit;
        const s = await sessions.findLiveSession(this.db, hash, this.now());
        if (!s) return ANONYMOUS;
        await this.touch(s.id, (now) => sessions.touchSession(this.db, s.id, now));
        return this.remember(hash, { kind: 'user', user: s.user, via: 'session', sessionId: s.id }, s.expiresAt);
      }
      case 'bearer': {
        const hash = hashSecret(credentials.token);
        const hit = this.cached(hash);
        if (hit) return hit;
        const t = await apiTokens.findApiTokenByHash(this.db, hash);
        if (!t) throw new AppError('INVALID_TOKEN');
        if (t.revokedAt) throw new AppError('TOKEN_REVOKED');
        if (t.expiresAt && t.expiresAt <= this.now()) throw new AppError('TOKEN_EXPIRED');
        await this.touch(t.id, (now) => apiTokens.touchApiToken(this.db, t.id, now));
        return this.remember(hash, { kind: 'user', user: t.user, via: 'token', tokenId: t.id }, t.expiresAt);
      }
      default: {
        const never: never = credentials;
        return never;
      }
    }
  }

  async createApiToken(viewer: SignedInViewer, input: { name: string; expiresAt?: Date | null }):
    Promise<{ ok: true; apiToken: ApiToken; token: string } | { ok: false; userErrors: UserErrorValue[] }> {
    const errors = checkName(input.name, ['input', 'name']);
    if (input.expiresAt && input.expiresAt <= this.now()) {
      errors.push(userError('INVALID_INPUT', 'expiresAt must be in the future', ['input', 'expiresAt']));
    }
    if (errors.length) return { ok: false, userErrors: errors };
    const token = newSecret('token');
    const apiToken = await apiTokens.createApiToken(this.db, { userId: viewer.user.id, name: input.name.trim(),
      tokenHash: hashSecret(token), prefix: token.slice(0, 10), expiresAt: input.expiresAt ?? null });
    return { ok: true, apiToken, token };
  }

  async revokeApiToken(viewer: SignedInViewer, tokenId: string): Promise<ApiToken | null> {
    const t = await apiTokens.revokeApiToken(this.db, viewer.user.id, tokenId, this.now());
    if (t) this.forget((v) => v.via === 'token' && v.tokenId === t.id);
    return t;
  }

  listApiTokens(viewer: SignedInViewer): Promise<ApiToken[]> {
    return apiTokens.listApiTokens(this.db, viewer.user.id);
  }
}
