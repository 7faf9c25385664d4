import { AppError, toUserError, userError, type UserErrorValue } from '../../errors/AppError.js';
import { requireUser } from '../../services/ProjectService.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { localId } from '../ids.js';
import type { GraphQLContext } from '../context.js';
import { loadProject, loadVersion, roleOf } from './access.js';
import type { ExportFormat } from '@strata/formats';
import { checkName } from '../../services/validateInput.js';

/** Tell open collaboration connections of the user that their role changed (downgrade → read-only, removal → closed). */
async function membershipChanged(ctx: GraphQLContext, projectId: string, userId: string): Promise<void> {
  ctx.loaders.role.clear(`${projectId}:${userId}`);
  await ctx.services.collab()?.onMembershipChanged(projectId, userId);
}

const MAX_DESCRIPTION_LENGTH = 5000;

/**
 * Expected failures of a mutation (validation, permissions, conflicts) become `userErrors`; only a missing sign-in
 * fails the field itself (UNAUTHENTICATED).
 */
type WithErrors<T> = T & { userErrors: UserErrorValue[] };

async function asPayload<T extends object, E extends object>(run: () => Promise<T | WithErrors<E>>, empty: E):
  Promise<WithErrors<T> | WithErrors<E>> {
  try {
    return { userErrors: [], ...(await run()) };
  } catch (e) {
    if (e instanceof AppError && e.code !== 'UNAUTHENTICATED') return { ...empty, userErrors: [toUserError(e)] };
    throw e;
  }
}

function idOrThrow(id: string | null, path: string[]): string {
  if (!id) throw new AppError('NOT_FOUND', 'No such object', path);
  return id;
}

const memberById = (ctx: GraphQLContext) => (id: string) => ctx.loaders.member.load(id);

export const Mutation: MutationResolvers = {
  signUp: async (_, { input }, ctx) => {
    const r = await ctx.services.auth.signUp(input);
    if (!r.ok) return { user: null, userErrors: r.userErrors };
    ctx.setSessionCookie(r.session.secret, r.session.expiresAt);
    return { user: r.user, userErrors: [] };
  },
  signIn: async (_, { input }, ctx) => {
    const r = await ctx.services.auth.signIn(input, ctx.ip);
    if (!r.ok) return { user: null, userErrors: r.userErrors };
    ctx.setSessionCookie(r.session.secret, r.session.expiresAt);
    return { user: r.user, userErrors: [] };
  },
  signOut: async (_, __, ctx) => {
    await ctx.services.auth.signOut(ctx.viewer);
    ctx.clearSessionCookie();
    return { signedOut: true, userErrors: [] };
  },
  createApiToken: async (_, { input }, ctx) => {
    const r = await ctx.services.auth.createApiToken(requireUser(ctx.viewer), input);
    return r.ok ? { apiToken: r.apiToken, token: r.token, userErrors: [] }
      : { apiToken: null, token: null, userErrors: r.userErrors };
  },
  revokeApiToken: (_, { input }, ctx) => asPayload(async () => {
    const viewer = requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.id, 'ApiToken'), ['input', 'id']);
    const apiToken = await ctx.services.auth.revokeApiToken(viewer, id);
    if (!apiToken) throw new AppError('NOT_FOUND', 'No such token', ['input', 'id']);
    return { apiToken };
  }, { apiToken: null }),
  createProject: async (_, { input }, ctx) => {
    const r = await ctx.services.projects.create(requireUser(ctx.viewer), input);
    return r.ok ? { project: r.value, userErrors: [] } : { project: null, userErrors: r.userErrors };
  },
  renameProject: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.id, 'Project'), ['input', 'id']);
    const r = await ctx.services.projects.rename(ctx.viewer, id, input.name, roleOf(ctx));
    if (!r.ok) return { project: null, userErrors: r.userErrors };
    return { project: r.value };
  }, { project: null }),
  deleteProject: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.id, 'Project'), ['input', 'id']);
    await ctx.services.projects.delete(ctx.viewer, id, roleOf(ctx));
    return { deletedProjectId: input.id };
  }, { deletedProjectId: null }),
  inviteMember: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.projectId, 'Project'), ['input', 'projectId']);
    const r = await ctx.services.projects.invite(ctx.viewer, id, input.email, input.role, roleOf(ctx));
    if (!r.ok) return { member: null, userErrors: r.userErrors };
    await membershipChanged(ctx, r.value.projectId, r.value.userId);
    return { member: r.value };
  }, { member: null }),
  changeMemberRole: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.memberId, 'Member'), ['input', 'memberId']);
    const r = await ctx.services.projects.changeMember(ctx.viewer, id, { role: input.role }, roleOf(ctx), memberById(ctx));
    if (!r.ok) return { member: null, userErrors: r.userErrors };
    await membershipChanged(ctx, r.value.projectId, r.value.userId);
    return { member: r.value };
  }, { member: null }),
  removeMember: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.memberId, 'Member'), ['input', 'memberId']);
    const r = await ctx.services.projects.changeMember(ctx.viewer, id, 'remove', roleOf(ctx), memberById(ctx));
    if (!r.ok) return { removedMemberId: null, userErrors: r.userErrors };
    await membershipChanged(ctx, r.value.projectId, r.value.userId);
    return { removedMemberId: input.memberId };
  }, { removedMemberId: null }),
  createVersion: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const { project } = await loadProject(ctx, localId(input.projectId, 'Project'), 'edit');
    const errors = [
      ...(input.name != null ? checkName(input.name, ['input', 'name']) : []),
      ...((input.description?.length ?? 0) > MAX_DESCRIPTION_LENGTH
        ? [userError('INVALID_INPUT', `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters`, ['input', 'description'])] : []),
    ];
    if (errors.length) return { version: null, userErrors: errors };
    const collab = ctx.services.collab();
    if (!collab) throw new AppError('COLLAB_UNAVAILABLE');
    const saved = await collab.createVersion(project.id, { name: input.name?.trim() || null, description: input.description ?? null });
    const version = await ctx.loaders.version.load(saved.id);
    if (!version) throw new Error(`version ${saved.id} not found after createVersion`);
    return { version };
  }, { version: null }),
  exportProject: (_, { input }, ctx) => asPayload(async () => {
    const viewer = requireUser(ctx.viewer);
    const { project } = await loadProject(ctx, localId(input.projectId, 'Project'), 'read');
    let tree;
    let label: string | null = null;
    if (input.versionId) {
      const version = await loadVersion(ctx, localId(input.versionId, 'Version'));
      if (version.projectId !== project.id) throw new AppError('NOT_FOUND', 'No such version', ['input', 'versionId']);
      tree = await ctx.services.versionTrees.tree(version);
      label = version.name ?? version.createdAt.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
    } else {
      tree = await ctx.services.documents.current(project);
    }
    const format = input.format.toLowerCase() as ExportFormat;
    return { file: await ctx.services.exports.export(viewer.user.id, project, tree, format, label) };
  }, { file: null }),
  importDocument: (_, { input }, ctx) => asPayload(async () => {
    const viewer = requireUser(ctx.viewer);
    const projectId = input.projectId ? idOrThrow(localId(input.projectId, 'Project'), ['input', 'projectId']) : null;
    const r = await ctx.services.imports.import(viewer, { projectId, blob: input.blob, name: input.name ?? null }, roleOf(ctx));
    if (!r.ok) return { project: null, version: null, userErrors: r.userErrors };
    const version = await ctx.loaders.version.load(r.versionId);
    return { project: r.project, version };
  }, { project: null, version: null }),
};
