import type { Db, User } from './db.js';
import { isUniqueViolation } from './dbErrors.js';

export async function createUser(db: Db, data: { email: string; name: string; passwordHash: string }):
  Promise<User | 'email-taken'> {
  try {
    return await db.user.create({ data });
  } catch (e) {
    if (isUniqueViolation(e)) return 'email-taken';
    throw e;
  }
}

export function findUserByEmail(db: Db, email: string): Promise<User | null> {
  return db.user.findUnique({ where: { email } });
}

export function findUsersByIds(db: Db, ids: readonly string[]): Promise<User[]> {
  return db.user.findMany({ where: { id: { in: [...ids] } } });
}
