/** Test data written directly (no GraphQL, no side effects): users with a known password, projects, members. */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Db, Role, User } from '../models/db.js';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;

export async function makeUser(db: Db, name = 'User'): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({ data: { email: `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID()}@example.test`, name,
    passwordHash: await passwordHash } });
}

/** A personal access token for the user (the secret). */
export async function makeToken(db: Db, user: User, o: { expiresAt?: Date; revokedAt?: Date } = {}): Promise<string> {
  const token = newSecret('token');
  await db.apiToken.create({ data: { userId: user.id, name: 'test', tokenHash: hashSecret(token), prefix: token.slice(0, 10),
    expiresAt: o.expiresAt ?? null, revokedAt: o.revokedAt ?? null } });
  return token;
}

export async function makeProject(db: Db, owner: User, name = 'Project', members: [User, Role][] = []) {
  const project = await db.project.create({ data: { name, width: 100, height: 80 } });
  await db.membership.create({ data: { projectId: project.id, userId: owner.id, role: 'owner' } });
  for (const [user, role] of members) await db.membership.create({ data: { projectId: project.id, userId: user.id, role } });
  return project;
}
