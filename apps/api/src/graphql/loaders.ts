import DataLoader from 'dataloader';
import type { ApiToken, Db, Membership, Project, Role, User, VersionNode } from '../models/db.js';
import * as apiTokens from '../models/apiTokens.js';
import * as memberships from '../models/memberships.js';
import * as projects from '../models/projects.js';
import * as users from '../models/users.js';
import * as versions from '../models/versions.js';
import type { VersionSummary } from '../models/versions.js';

/** Per-request DataLoaders: every relation the schema resolves goes through one of these. */
export interface Loaders {
  user: DataLoader<string, User | null>;
  project: DataLoader<string, Project | null>;
  apiToken: DataLoader<string, ApiToken | null>;
  member: DataLoader<string, Membership | null>;
  /** key `${projectId}:${userId}` */
  role: DataLoader<string, Role | null>;
  membersOfProject: DataLoader<string, Membership[]>;
  version: DataLoader<string, VersionSummary | null>;
  versionNodes: DataLoader<string, VersionNode[]>;
  versionAuthorIds: DataLoader<string, string[]>;
}

function byId<T>(rows: readonly T[], key: (row: T) => string, ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return ids.map((id) => map.get(id) ?? null);
}

function grouped<T>(rows: readonly T[], key: (row: T) => string, ids: readonly string[]): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return ids.map((id) => map.get(id) ?? []);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from clients may be anything: only well-formed UUIDs reach the database. */
const uuids = (ids: readonly string[]): string[] => ids.filter((id) => UUID.test(id));

export function createLoaders(db: Db): Loaders {
  return {
    user: new DataLoader(async (ids) => byId(await users.findUsersByIds(db, uuids(ids)), (r) => r.id, ids)),
    project: new DataLoader(async (ids) => byId(await projects.findProjectsByIds(db, uuids(ids)), (r) => r.id, ids)),
    apiToken: new DataLoader(async (ids) => byId(await apiTokens.findApiTokensByIds(db, uuids(ids)), (r) => r.id, ids)),
    member: new DataLoader(async (ids) => byId(await memberships.findMembershipsByIds(db, uuids(ids)), (r) => r.id, ids)),
    role: new DataLoader(async (keys) => {
      const pairs = keys.map((k) => { const [projectId = '', userId = ''] = k.split(':'); return { projectId, userId }; })
        .filter((p) => UUID.test(p.projectId) && UUID.test(p.userId));
      const rows = pairs.length ? await memberships.findMemberships(db, pairs) : [];
      return byId(rows, (r) => `${r.projectId}:${r.userId}`, keys).map((m) => m?.role ?? null);
    }),
    membersOfProject: new DataLoader(async (ids) =>
      grouped(await memberships.listMembersOfProjects(db, uuids(ids)), (r) => r.projectId, ids)),
    version: new DataLoader(async (ids) => byId(await versions.findVersionsByIds(db, uuids(ids)), (r) => r.id, ids)),
    versionNodes: new DataLoader(async (ids) => grouped(await versions.nodesOfVersions(db, uuids(ids)), (r) => r.versionId, ids)),
    versionAuthorIds: new DataLoader(async (ids) =>
      grouped(await versions.authorsOfVersions(db, uuids(ids)), (r) => r.versionId, ids).map((l) => l.map((a) => a.userId))),
  };
}
