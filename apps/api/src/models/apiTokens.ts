import type { ApiToken, Db, User } from './db.js';

export function createApiToken(db: Db, data: { userId: string; name: string; tokenHash: string; prefix: string;
  expiresAt: Date | null }): Promise<ApiToken> {
  return db.apiToken.create({ data });
}

export function findApiTokenByHash(db: Db, tokenHash: string): Promise<(ApiToken & { user: User }) | null> {
  return db.apiToken.findUnique({ where: { tokenHash }, include: { user: true } });
}

export function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
  return db.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

export function findApiTokensByIds(db: Db, ids: readonly string[]): Promise<ApiToken[]> {
  return db.apiToken.findMany({ where: { id: { in: [...ids] } } });
}

/** Revokes the user's token (idempotent); null when the user has no such token. */
export async function revokeApiToken(db: Db, userId: string, id: string, now: Date): Promise<ApiToken | null> {
  const token = await db.apiToken.findFirst({ where: { id, userId } });
  if (!token) return null;
  if (token.revokedAt) return token;
  return db.apiToken.update({ where: { id }, data: { revokedAt: now } });
}

export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db.apiToken.updateMany({ where: { id }, data: { lastUsedAt: now } });
}
