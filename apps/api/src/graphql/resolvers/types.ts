import { toGlobalId } from '@strata/schema';
import { GraphQLScalarType, Kind } from 'graphql';
import { AppError } from '../../errors/AppError.js';
import { treeFromRows, treeNodeValues } from '../../services/versionTree.js';
import { requireUser } from '../../services/ProjectService.js';
import { decodeCursor, pageSize, toConnection } from '../connection.js';
import type { Resolvers } from '../generated/resolvers.js';
import type { UserRow } from '../mappers.js';
import { roleOf } from './access.js';

const DateTime = new GraphQLScalarType<Date | null, string>({
  name: 'DateTime',
  serialize: (v) => {
    if (v instanceof Date) return v.toISOString();
    throw new TypeError('DateTime must be a Date');
  },
  parseValue: (v) => {
    const d = typeof v === 'string' ? new Date(v) : null;
    if (!d || Number.isNaN(d.getTime())) throw new AppError('BAD_USER_INPUT', 'DateTime must be an ISO-8601 string');
    return d;
  },
  parseLiteral: (ast) => {
    const d = ast.kind === Kind.STRING ? new Date(ast.value) : null;
    if (!d || Number.isNaN(d.getTime())) throw new AppError('BAD_USER_INPUT', 'DateTime must be an ISO-8601 string');
    return d;
  },
});

const JSONScalar = new GraphQLScalarType({ name: 'JSON', serialize: (v) => v });

export const typeResolvers: Resolvers = {
  DateTime,
  JSON: JSONScalar,
  Role: { OWNER: 'owner', EDITOR: 'editor', VIEWER: 'viewer' },
  VersionReason: { MANUAL: 'manual', AUTO: 'auto', DECOMPOSITION: 'decomposition', IMPORT: 'import', RESTORE: 'restore' },
  NodeType: { GROUP: 'group', LAYER: 'layer' },
  LayerKind: { RASTER: 'raster', TEXT: 'text' },
  TextAlign: { LEFT: 'left', CENTER: 'center', RIGHT: 'right' },
  Node: {
    __resolveType: (v) => v.__typename,
  },
  User: {
    id: (u) => toGlobalId('User', u.id),
  },
  ApiToken: {
    id: (t) => toGlobalId('ApiToken', t.id),
  },
  Project: {
    id: (p) => toGlobalId('Project', p.id),
    myRole: async (p, _, ctx) => {
      const role = await roleOf(ctx)(p.id, requireUser(ctx.viewer).user.id);
      if (!role) throw new AppError('NOT_FOUND');
      return role;
    },
    members: (p, _, ctx) => ctx.loaders.membersOfProject.load(p.id),
    document: async (p, _, ctx) => ({ tree: await ctx.services.documents.current(p) }),
    versions: async (p, { first, after }, ctx) => {
      const limit = pageSize(first);
      const cursor = decodeCursor(after);
      const rows = await ctx.services.projects.listVersions(p.id, limit + 1, cursor);
      for (const v of rows) ctx.loaders.version.prime(v.id, v);
      return toConnection(rows, limit, cursor);
    },
  },
  Member: {
    id: (m) => toGlobalId('Member', m.id),
    user: async (m, _, ctx) => {
      const user = await ctx.loaders.user.load(m.userId);
      if (!user) throw new AppError('NOT_FOUND');
      return user;
    },
  },
  Document: {
    width: (d) => d.tree.width,
    height: (d) => d.tree.height,
    nodes: (d) => treeNodeValues(d.tree),
    tree: (d) => d.tree,
  },
  Version: {
    id: (v) => toGlobalId('Version', v.id),
    authors: async (v, _, ctx) => {
      const ids = await ctx.loaders.versionAuthorIds.load(v.id);
      const users = await ctx.loaders.user.loadMany(ids);
      return users.filter((u): u is UserRow => u !== null && !(u instanceof Error));
    },
    nodes: async (v, _, ctx) => treeNodeValues(treeFromRows(await ctx.loaders.versionNodes.load(v.id), v.width, v.height)),
    project: async (v, _, ctx) => {
      const p = await ctx.loaders.project.load(v.projectId);
      if (!p) throw new AppError('NOT_FOUND');
      return p;
    },
  },
  BlobRef: {
    url: (b) => `/blobs/${b.sha256}`,
  },
};
