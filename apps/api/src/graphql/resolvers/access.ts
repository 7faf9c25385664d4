import { AppError } from '../../errors/AppError.js';
import type { Membership, Project, Role } from '../../models/db.js';
import type { VersionSummary } from '../../models/versions.js';
import { requireUser, type RoleOf } from '../../services/ProjectService.js';
import type { ProjectAction } from '../../services/permissions.js';
import type { GraphQLContext } from '../context.js';

export const roleOf = (ctx: GraphQLContext): RoleOf => (projectId, userId) => ctx.loaders.role.load(`${projectId}:${userId}`);

/** The project when the caller may do `action` in it (NOT_FOUND for non-members, FORBIDDEN for too low a role). */
export async function loadProject(ctx: GraphQLContext, projectId: string | null, action: ProjectAction = 'read'):
  Promise<{ project: Project; role: Role }> {
  requireUser(ctx.viewer);
  if (!projectId) throw new AppError('NOT_FOUND', 'No such project');
  const role = await ctx.services.projects.authorize(ctx.viewer, projectId, action, roleOf(ctx));
  const project = await ctx.loaders.project.load(projectId);
  if (!project) throw new AppError('NOT_FOUND', 'No such project');
  return { project, role };
}

export async function loadVersion(ctx: GraphQLContext, versionId: string | null): Promise<VersionSummary> {
  requireUser(ctx.viewer);
  const version = versionId ? await ctx.loaders.version.load(versionId) : null;
  if (!version) throw new AppError('NOT_FOUND', 'No such version');
  const role = await roleOf(ctx)(version.projectId, requireUser(ctx.viewer).user.id);
  if (!role) throw new AppError('NOT_FOUND', 'No such version');
  return version;
}

export async function loadMember(ctx: GraphQLContext, memberId: string | null): Promise<Membership> {
  const user = requireUser(ctx.viewer);
  const member = memberId ? await ctx.loaders.member.load(memberId) : null;
  if (!member || !(await roleOf(ctx)(member.projectId, user.user.id))) throw new AppError('NOT_FOUND', 'No such member');
  return member;
}
