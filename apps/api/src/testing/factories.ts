/** Test data written directly (no GraphQL, no side effects): users with a known password, projects, members. */
import { createHash, randomUUID } from 'node:crypto';
import type { DocNode } from '@strata/document';
import { hashPassword } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Db, Role, User } from '../models/db.js';
import { upsertBlob } from '../models/blobs.js';
import { createVersion } from '../models/versions.js';
import { rowsFromTree } from '../services/versionTree.js';

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

/** A blob row (no bytes in any store): enough for version rows that reference pixels. */
export async function makeBlobRow(db: Db, uploader: User, width = 10, height = 10) {
  const sha256 = createHash('sha256').update(randomUUID()).digest('hex');
  return upsertBlob(db, { sha256, bytes: 100, width, height, mediaType: 'image/png', uploaderId: uploader.id });
}

/** A version of the project whose tree has `layers` raster layers (in one group when `grouped`). */
export async function makeVersion(db: Db, project: { id: string; width: number; height: number }, author: User,
  o: { layers?: number; grouped?: boolean; name?: string } = {}) {
  const blob = await makeBlobRow(db, author);
  const layers: DocNode[] = Array.from({ length: o.layers ?? 2 }, (_, i) => ({ id: `l${i}`, name: `Layer ${i}`, type: 'layer',
    kind: 'raster', blob: blob.sha256, width: 10, height: 10, x: i, y: i, visible: true, locked: false, opacity: 1,
    blendMode: 'normal' }));
  const children: DocNode[] = o.grouped
    ? [{ id: 'g', name: 'Group', type: 'group', expanded: true, children: layers, x: 0, y: 0, visible: true, locked: false,
      opacity: 1, blendMode: 'normal' }]
    : layers;
  return createVersion(db, { projectId: project.id, reason: 'manual', name: o.name ?? 'v', state: new Uint8Array(),
    width: project.width, height: project.height, nodes: rowsFromTree({ width: project.width, height: project.height, children }),
    authorIds: [author.id] });
}
