import type { Db, Session, User } from './db.js';

export function createSession(db: Db, data: { userId: string; tokenHash: string; expiresAt: Date }): Promise<Session> {
  return db.session.create({ data });
}

/** The live session with this hash and its user (expired sessions are ignored). */
export async function findLiveSession(db: Db, tokenHash: string, now: Date):
  Promise<(Session & { user: User }) | null> {
  const s = await db.session.findUnique({ where: { tokenHash }, include: { user: true } });
  return s && s.expiresAt > now ? s : null;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}
