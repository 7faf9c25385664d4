import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../types.js';

/** Test data written directly with SQL (no side effects): users, projects, memberships, tokens, sessions. */
export async function createUser(pool: pg.Pool, name = 'User'): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  await pool.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ($1, $2, $3, 'x')`, [id, `${id}@example.test`, name]);
  return { id, name };
}

export async function createProject(pool: pg.Pool, size = { width: 100, height: 80 }): Promise<string> {
  const id = randomUUID();
  await pool.query(`INSERT INTO "Project" ("id", "name", "width", "height") VALUES ($1, 'p', $2, $3)`, [id, size.width, size.height]);
  return id;
}

export async function setMember(pool: pg.Pool, projectId: string, userId: string, role: Role | null): Promise<void> {
  if (role === null) {
    await pool.query(`DELETE FROM "Membership" WHERE "projectId" = $1 AND "userId" = $2`, [projectId, userId]);
    return;
  }
  await pool.query(
    `INSERT INTO "Membership" ("id", "projectId", "userId", "role") VALUES ($1, $2, $3, $4::"Role")
     ON CONFLICT ("projectId", "userId") DO UPDATE SET "role" = excluded."role"`,
    [randomUUID(), projectId, userId, role],
  );
}

/** A personal access token row; returns the secret to send as `Authorization: Bearer …`. */
export async function createToken(pool: pg.Pool, userId: string): Promise<string> {
  const token = `stk_${randomBytes(24).toString('base64url')}`;
  await pool.query(
    `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash", "prefix") VALUES ($1, $2, 'test', $3, $4)`,
    [randomUUID(), userId, createHash('sha256').update(token).digest('hex'), token.slice(0, 10)],
  );
  return token;
}

/** A browser session row; returns the cookie value. */
export async function createSession(pool: pg.Pool, userId: string): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await pool.query(
    `INSERT INTO "Session" ("id", "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`,
    [randomUUID(), userId, createHash('sha256').update(secret).digest('hex')],
  );
  return secret;
}
