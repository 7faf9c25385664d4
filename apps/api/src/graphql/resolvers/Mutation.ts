import { AppError, toUserError, type UserErrorValue } from '../../errors/AppError.js';
import { requireUser } from '../../services/ProjectService.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { localId } from '../ids.js';
import type { GraphQLContext } from '../context.js';
import { roleOf } from './access.js';

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
    return { member: r.value };
  }, { member: null }),
  changeMemberRole: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.memberId, 'Member'), ['input', 'memberId']);
    const r = await ctx.services.projects.changeMember(ctx.viewer, id, { role: input.role }, roleOf(ctx), memberById(ctx));
    if (!r.ok) return { member: null, userErrors: r.userErrors };
    return { member: r.value };
  }, { member: null }),
  removeMember: (_, { input }, ctx) => asPayload(async () => {
    requireUser(ctx.viewer);
    const id = idOrThrow(localId(input.memberId, 'Member'), ['input', 'memberId']);
    const r = await ctx.services.projects.changeMember(ctx.viewer, id, 'remove', roleOf(ctx), memberById(ctx));
    if (!r.ok) return { removedMemberId: null, userErrors: r.userErrors };
    return { removedMemberId: input.memberId };
  }, { removedMemberId: null }),
};
