import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseCookie } from 'cookie';
import type pg from 'pg';
import type { CollabUser, Role } from '../types.js';

/**
 * TEST/BENCH STAND-IN for the API's own `authenticate` (AuthService + credentialsFrom): same tables, same rules
 * (Bearer token wins over the `strata_session` cookie; rows store sha256 of the secret). The production wiring passes
 * the API's function to attachCollab instead; see README.md.
 */
export function sqlAuthenticate(pool: pg.Pool): (req: IncomingMessage) => Promise<CollabUser | null> {
  return async (req) => {
    const auth = req.headers.authorization;
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    if (auth) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      if (!m?.[1]) return null;
      const r = await pool.query<CollabUser>(
        `SELECT u."id", u."name" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
          WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > now())`,
        [hash(m[1])],
      );
      return r.rows[0] ?? null;
    }
    const secret = req.headers.cookie ? parseCookie(req.headers.cookie)['strata_session'] : undefined;
    if (!secret) return null;
    const r = await pool.query<CollabUser>(
      `SELECT u."id", u."name" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = $1 AND s."expiresAt" > now()`,
      [hash(secret)],
    );
    return r.rows[0] ?? null;
  };
}

export function sqlGetRole(pool: pg.Pool): (projectId: string, userId: string) => Promise<Role | null> {
  return async (projectId, userId) => {
    const r = await pool.query<{ role: Role }>(`SELECT "role" FROM "Membership" WHERE "projectId" = $1 AND "userId" = $2`, [projectId, userId]);
    return r.rows[0]?.role ?? null;
  };
}
