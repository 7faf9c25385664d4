import { AppError, userError, type UserErrorValue } from '../errors/AppError.js';
import type { SignedInViewer, Viewer } from '../auth/Viewer.js';
import type { Db, Membership, Project, Role } from '../models/db.js';
import * as memberships from '../models/memberships.js';
import * as projects from '../models/projects.js';
import * as users from '../models/users.js';
import * as versions from '../models/versions.js';
import type { BlobService } from './BlobService.js';
import { initialDocument } from './initialDocument.js';
import { can, type ProjectAction } from './permissions.js';
import { checkCanvasSize, checkEmail, checkName, normalizeEmail } from './validateInput.js';

type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserErrorValue[] };
const fail = <T>(...userErrors: UserErrorValue[]): Outcome<T> => ({ ok: false, userErrors });

export const DEFAULT_CANVAS = { width: 1024, height: 768 };

/** Role lookup, batched per request (the GraphQL layer passes its DataLoader). */
export type RoleOf = (projectId: string, userId: string) => Promise<Role | null>;

export function requireUser(viewer: Viewer): SignedInViewer {
  if (viewer.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return viewer;
}

/** Projects, membership and permissions. Non-members get NOT_FOUND (a project's existence is not revealed). */
export class ProjectService {
  constructor(private readonly db: Db, private readonly blobs: BlobService) {}

  listForUser(userId: string, limit: number, after: projects.ProjectCursor | null): Promise<(Project & { role: Role })[]> {
    return projects.listProjectsForUser(this.db, userId, limit, after);
  }

  listVersions(projectId: string, limit: number, after: projects.ProjectCursor | null): Promise<versions.VersionSummary[]> {
    return versions.listVersions(this.db, projectId, limit, after);
  }

  async find(projectId: string): Promise<Project | null> {
    return (await projects.findProjectsByIds(this.db, [projectId]))[0] ?? null;
  }

  sharesProject(userA: string, userB: string): Promise<boolean> {
    return memberships.sharesProject(this.db, userA, userB);
  }

  /** The caller's role when they may do `action`; otherwise throws NOT_FOUND / FORBIDDEN. */
  async authorize(viewer: Viewer, projectId: string, action: ProjectAction, roleOf: RoleOf): Promise<Role> {
    const user = requireUser(viewer);
    const role = await roleOf(projectId, user.user.id);
    if (!role) throw new AppError('NOT_FOUND', 'No such project');
    if (!can(role, action)) throw new AppError('FORBIDDEN');
    return role;
  }

  async create(viewer: SignedInViewer, input: { name: string; imageBlob?: string | null; width?: number | null;
    height?: number | null }): Promise<Outcome<Project>> {
    const errors = [...checkName(input.name, ['input', 'name']), ...checkCanvasSize(input.width, ['input', 'width']),
      ...checkCanvasSize(input.height, ['input', 'height'])];
    if (errors.length) return fail(...errors);
    let image: { sha256: string; width: number; height: number; name: string } | null = null;
    if (input.imageBlob) {
      const blob = await this.blobs.find(input.imageBlob);
      if (!blob || blob.mediaType !== 'image/png' || !(await this.blobs.canRead(viewer.user.id, blob.sha256))) {
        return fail(userError('BLOB_NOT_FOUND', undefined, ['input', 'imageBlob']));
      }
      image = { sha256: blob.sha256, width: blob.width, height: blob.height, name: 'Image' };
    }
    const canvas = image ? { width: image.width, height: image.height }
      : { width: input.width ?? DEFAULT_CANVAS.width, height: input.height ?? DEFAULT_CANVAS.height };
    const doc = initialDocument(canvas, image);
    const { project } = await versions.createProjectWithOwner(this.db, {
      name: input.name.trim(), ...canvas, ownerId: viewer.user.id,
      firstVersion: image ? { reason: 'import', name: 'Imported image', state: doc.state, width: canvas.width,
        height: canvas.height, nodes: doc.rows, authorIds: [viewer.user.id] } : null,
    });
    return { ok: true, value: project };
  }

  async rename(viewer: Viewer, projectId: string, name: string, roleOf: RoleOf): Promise<Outcome<Project>> {
    await this.authorize(viewer, projectId, 'rename', roleOf);
    const errors = checkName(name, ['input', 'name']);
    if (errors.length) return fail(...errors);
    return { ok: true, value: await projects.renameProject(this.db, projectId, name.trim()) };
  }

  async delete(viewer: Viewer, projectId: string, roleOf: RoleOf): Promise<void> {
    await this.authorize(viewer, projectId, 'delete', roleOf);
    await projects.deleteProject(this.db, projectId);
  }

  async invite(viewer: Viewer, projectId: string, email: string, role: Role, roleOf: RoleOf):
    Promise<Outcome<Membership>> {
    await this.authorize(viewer, projectId, 'manageMembers', roleOf);
    const errors = checkEmail(email, ['input', 'email']);
    if (errors.length) return fail(...errors);
    const user = await users.findUserByEmail(this.db, normalizeEmail(email));
    if (!user) return fail(userError('USER_NOT_FOUND', undefined, ['input', 'email']));
    const m = await memberships.addMember(this.db, { projectId, userId: user.id, role });
    return m === 'already-member' ? fail(userError('ALREADY_MEMBER', undefined, ['input', 'email'])) : { ok: true, value: m };
  }

  /** Owners manage everyone; any member may remove themselves (leave). */
  async changeMember(viewer: Viewer, membershipId: string, change: { role: Role } | 'remove', roleOf: RoleOf,
    memberById: (id: string) => Promise<Membership | null>): Promise<Outcome<Membership>> {
    const user = requireUser(viewer);
    const target = await memberById(membershipId);
    if (!target) throw new AppError('NOT_FOUND', 'No such member');
    const leaving = change === 'remove' && target.userId === user.user.id;
    const myRole = await roleOf(target.projectId, user.user.id);
    if (!myRole) throw new AppError('NOT_FOUND', 'No such member');
    if (!leaving && !can(myRole, 'manageMembers')) throw new AppError('FORBIDDEN');
    const result = await memberships.changeMembership(this.db, membershipId, change);
    if (result === 'not-found') throw new AppError('NOT_FOUND', 'No such member');
    if (result === 'last-owner') return fail(userError('LAST_OWNER', undefined, ['input', 'memberId']));
    return { ok: true, value: result };
  }
}
