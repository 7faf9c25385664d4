import { AppError } from '../../errors/AppError.js';
import { fromGlobalId } from '@strata/schema';
import { requireUser } from '../../services/ProjectService.js';
import { decodeCursor, pageSize, toConnection } from '../connection.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { localId } from '../ids.js';
import type { NodeValue } from '../mappers.js';
import type { GraphQLContext } from '../context.js';
import { loadMember, loadProject, loadVersion } from './access.js';

async function resolveNode(ctx: GraphQLContext, id: string): Promise<NodeValue> {
  const viewer = requireUser(ctx.viewer);
  const g = fromGlobalId(id);
  const notFound = new AppError('NOT_FOUND');
  if (!g) throw notFound;
  const local = localId(id, g.type);
  switch (g.type) {
    case 'User': {
      const user = local ? await ctx.loaders.user.load(local) : null;
      if (!user) throw notFound;
      if (user.id !== viewer.user.id && !(await ctx.services.projects.sharesProject(viewer.user.id, user.id))) throw notFound;
      return { __typename: 'User', ...user };
    }
    case 'ApiToken': {
      const token = local ? await ctx.loaders.apiToken.load(local) : null;
      if (!token || token.userId !== viewer.user.id) throw notFound;
      return { __typename: 'ApiToken', ...token };
    }
    case 'Project':
      return { __typename: 'Project', ...(await loadProject(ctx, local)).project };
    case 'Member':
      return { __typename: 'Member', ...(await loadMember(ctx, local)) };
    case 'Version':
      return { __typename: 'Version', ...(await loadVersion(ctx, local)) };
    default: {
      const never: never = g.type;
      return never;
    }
  }
}

export const Query: QueryResolvers = {
  node: (_, { id }, ctx) => resolveNode(ctx, id),
  me: (_, __, ctx) => (ctx.viewer.kind === 'user' ? ctx.viewer.user : null),
  apiTokens: (_, __, ctx) => ctx.services.auth.listApiTokens(requireUser(ctx.viewer)),
  projects: async (_, { first, after }, ctx) => {
    const viewer = requireUser(ctx.viewer);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const rows = await ctx.services.projects.listForUser(viewer.user.id, limit + 1, cursor);
    const projects = rows.map(({ role, ...project }) => {
      ctx.loaders.project.prime(project.id, project);
      ctx.loaders.role.prime(`${project.id}:${viewer.user.id}`, role);
      return project;
    });
    return toConnection(projects, limit, cursor);
  },
  project: async (_, { id }, ctx) => (await loadProject(ctx, localId(id, 'Project'))).project,
  version: (_, { id }, ctx) => loadVersion(ctx, localId(id, 'Version')),
};
