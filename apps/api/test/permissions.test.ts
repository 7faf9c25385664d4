/**
 * Permission matrix: anonymous, non-member, viewer, editor, owner × every query and mutation. Each cell checks the
 * result or the error code, and for refused mutations that nothing changed.
 */
import { toGlobalId } from '@strata/schema';
import { describe, expect, it } from 'vitest';
import { WHO, type Who } from '../src/testing/callers.js';
import { makeProject, makeToken, makeUser, makeVersion } from '../src/testing/factories.js';
import { TestClient } from '../src/testing/TestClient.js';
import { useTestApi } from '../src/testing/testApi.js';

const api = useTestApi();

async function fixture() {
  const { db } = api;
  const [owner, editor, viewer, nonMember, other] = await Promise.all(
    ['Owner', 'Editor', 'Viewer', 'Stranger', 'Other'].map((n) => makeUser(db, n)));
  const project = await makeProject(db, owner!, 'Matrix', [[editor!, 'editor'], [viewer!, 'viewer'], [other!, 'viewer']]);
  const version = await makeVersion(db, project, owner!, { layers: 3, grouped: true });
  const members = await db.membership.findMany({ where: { projectId: project.id } });
  const otherMember = members.find((m) => m.userId === other!.id)!;
  const clients: Record<Who, TestClient> = {
    anonymous: new TestClient(api.url),
    nonMember: new TestClient(api.url).withToken(await makeToken(db, nonMember!)),
    viewer: new TestClient(api.url).withToken(await makeToken(db, viewer!)),
    editor: new TestClient(api.url).withToken(await makeToken(db, editor!)),
    owner: new TestClient(api.url).withToken(await makeToken(db, owner!)),
  };
  return { project, version, otherMember, users: { owner: owner!, editor: editor!, viewer: viewer!, nonMember: nonMember!, other: other! },
    ids: { project: toGlobalId('Project', project.id), version: toGlobalId('Version', version.id),
      member: toGlobalId('Member', otherMember.id) }, clients };
}

type F = Awaited<ReturnType<typeof fixture>>;
interface Case {
  name: string;
  run: (c: TestClient, f: F) => Promise<{ code: string | null; data: unknown }>;
  /** expected error code per caller, or null for success */
  expect: Record<Who, string | null>;
  /** for refused mutations: the state is unchanged */
  unchanged?: (f: F) => Promise<void>;
  /** for successful calls: a check of the result */
  check?: (data: unknown, f: F, who: Who) => void;
}

/** The error code of a query (top-level error) or a mutation (userErrors first, else top-level). */
async function call(c: TestClient, query: string, variables: Record<string, unknown>, field: string) {
  const r = await c.gql<Record<string, { userErrors?: { code: string }[] } | null>>(query, variables);
  const userErrors = r.data?.[field]?.userErrors ?? [];
  return { code: userErrors[0]?.code ?? r.errors?.[0]?.extensions?.code ?? null, data: r.data?.[field] };
}

const READ = { anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', viewer: null, editor: null, owner: null };
const EDIT = { anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', viewer: 'FORBIDDEN', editor: null, owner: null };
const OWN = { anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', viewer: 'FORBIDDEN', editor: 'FORBIDDEN', owner: null };
const SIGNED_IN = { anonymous: 'UNAUTHENTICATED', nonMember: null, viewer: null, editor: null, owner: null };

const cases: Case[] = [
  { name: 'query project { document, members, versions, myRole }', expect: READ,
    run: (c, f) => call(c, `query($id: ID!) { project(id: $id) { name myRole document { width nodes { id parentId type } }
      members { role user { name } } versions(first: 5) { nodes { id nodes { id } authors { name } } } } }`, { id: f.ids.project }, 'project'),
    check: (data, _f, who) => {
      const p = data as { myRole: string; document: { nodes: unknown[] }; members: unknown[]; versions: { nodes: unknown[] } };
      expect(p.myRole).toBe(who.toUpperCase());
      expect(p.document.nodes).toHaveLength(4);
      expect(p.members).toHaveLength(4);
      expect(p.versions.nodes).toHaveLength(1);
    } },
  { name: 'query version(id).nodes', expect: READ,
    run: (c, f) => call(c, 'query($id: ID!) { version(id: $id) { reason nodes { id depth } project { name } } }', { id: f.ids.version }, 'version'),
    check: (data) => expect((data as { nodes: unknown[] }).nodes).toHaveLength(4) },
  { name: 'query node(project id)', expect: READ,
    run: (c, f) => call(c, 'query($id: ID!) { node(id: $id) { id ... on Project { name } } }', { id: f.ids.project }, 'node'),
    check: (data, f) => expect(data).toEqual({ id: f.ids.project, name: 'Matrix' }) },
  { name: 'query node(member id)', expect: READ,
    run: (c, f) => call(c, 'query($id: ID!) { node(id: $id) { ... on Member { role } } }', { id: f.ids.member }, 'node'),
    check: (data) => expect(data).toEqual({ role: 'VIEWER' }) },
  { name: 'query node(version id)', expect: READ,
    run: (c, f) => call(c, 'query($id: ID!) { node(id: $id) { ... on Version { reason } } }', { id: f.ids.version }, 'node'),
    check: (data) => expect(data).toEqual({ reason: 'MANUAL' }) },
  { name: 'query projects', expect: SIGNED_IN,
    run: (c) => call(c, '{ projects(first: 50) { nodes { name } pageInfo { hasNextPage } } }', {}, 'projects'),
    check: (data, _f, who) => {
      const names = (data as { nodes: { name: string }[] }).nodes.map((n) => n.name);
      expect(names).toEqual(who === 'nonMember' ? [] : ['Matrix']);
    } },
  { name: 'query apiTokens', expect: SIGNED_IN,
    run: (c) => call(c, '{ apiTokens { name prefix lastUsedAt } }', {}, 'apiTokens'),
    check: (data) => expect((data as { lastUsedAt: string }[])[0]?.lastUsedAt).toBeTruthy() },
  { name: 'mutation renameProject', expect: EDIT,
    run: (c, f) => call(c, 'mutation($i: RenameProjectInput!) { renameProject(input: $i) { project { name } userErrors { code } } }',
      { i: { id: f.ids.project, name: 'Renamed' } }, 'renameProject'),
    unchanged: async (f) => expect((await api.db.project.findUnique({ where: { id: f.project.id } }))?.name).toBe('Matrix'),
    check: (data) => expect(data).toMatchObject({ project: { name: 'Renamed' } }) },
  { name: 'mutation deleteProject', expect: OWN,
    run: (c, f) => call(c, 'mutation($i: DeleteProjectInput!) { deleteProject(input: $i) { deletedProjectId userErrors { code } } }',
      { i: { id: f.ids.project } }, 'deleteProject'),
    unchanged: async (f) => expect(await api.db.project.count({ where: { id: f.project.id } })).toBe(1),
    check: async (_d, f) => expect(await api.db.project.count({ where: { id: f.project.id } })).toBe(0) },
  { name: 'mutation inviteMember', expect: OWN,
    run: async (c, f) => {
      const invitee = await makeUser(api.db, 'Invitee');
      return call(c, 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { member { role user { email } } userErrors { code } } }',
        { i: { projectId: f.ids.project, email: invitee.email.toUpperCase(), role: 'EDITOR' } }, 'inviteMember');
    },
    unchanged: async (f) => expect(await api.db.membership.count({ where: { projectId: f.project.id } })).toBe(4),
    check: (data) => expect(data).toMatchObject({ member: { role: 'EDITOR' } }) },
  { name: 'mutation changeMemberRole', expect: OWN,
    run: (c, f) => call(c, 'mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { member { role } userErrors { code } } }',
      { i: { memberId: f.ids.member, role: 'EDITOR' } }, 'changeMemberRole'),
    unchanged: async (f) => expect((await api.db.membership.findUnique({ where: { id: f.otherMember.id } }))?.role).toBe('viewer'),
    check: (data) => expect(data).toMatchObject({ member: { role: 'EDITOR' } }) },
  { name: 'mutation removeMember', expect: OWN,
    run: (c, f) => call(c, 'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { removedMemberId userErrors { code } } }',
      { i: { memberId: f.ids.member } }, 'removeMember'),
    unchanged: async (f) => expect(await api.db.membership.count({ where: { id: f.otherMember.id } })).toBe(1),
    check: async (_d, f) => expect(await api.db.membership.count({ where: { id: f.otherMember.id } })).toBe(0) },
  { name: 'mutation createProject', expect: SIGNED_IN,
    run: (c) => call(c, 'mutation { createProject(input: { name: "Mine", width: 64, height: 32 }) { project { name myRole document { width height nodes { id } } } userErrors { code } } }', {}, 'createProject'),
    check: (data) => expect(data).toMatchObject({ project: { myRole: 'OWNER', document: { width: 64, height: 32, nodes: [] } } }) },
  { name: 'mutation createApiToken', expect: SIGNED_IN,
    run: (c) => call(c, 'mutation { createApiToken(input: { name: "ci" }) { token apiToken { name prefix } userErrors { code } } }', {}, 'createApiToken'),
    check: (data) => {
      const d = data as { token: string; apiToken: { prefix: string } };
      expect(d.token).toMatch(/^stk_/);
      expect(d.token.startsWith(d.apiToken.prefix)).toBe(true);
    } },
];

describe('permission matrix', () => {
  for (const c of cases) {
    describe(c.name, () => {
      it.each(WHO)('as %s', async (who) => {
        const f = await fixture();
        const r = await c.run(f.clients[who], f);
        expect(r.code).toBe(c.expect[who]);
        if (c.expect[who] === null) await c.check?.(r.data, f, who);
        else await c.unchanged?.(f);
      });
    });
  }

  it('me: null when anonymous, the user otherwise', async () => {
    const f = await fixture();
    expect((await f.clients.anonymous.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
    expect((await f.clients.viewer.ok<{ me: { name: string } }>('{ me { name } }')).me.name).toBe('Viewer');
  });

  it('any member may leave; the last owner may not leave or be demoted', async () => {
    const f = await fixture();
    const viewerMember = await api.db.membership.findFirstOrThrow({ where: { projectId: f.project.id, userId: f.users.viewer.id } });
    const leave = await call(f.clients.viewer, 'mutation($i: RemoveMemberInput!) { removeMember(input: $i) { removedMemberId userErrors { code } } }',
      { i: { memberId: toGlobalId('Member', viewerMember.id) } }, 'removeMember');
    expect(leave.code).toBeNull();
    const ownerMember = await api.db.membership.findFirstOrThrow({ where: { projectId: f.project.id, userId: f.users.owner.id } });
    const demote = await call(f.clients.owner, 'mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { member { role } userErrors { code path } } }',
      { i: { memberId: toGlobalId('Member', ownerMember.id), role: 'VIEWER' } }, 'changeMemberRole');
    expect(demote.code).toBe('LAST_OWNER');
    expect((await api.db.membership.findUniqueOrThrow({ where: { id: ownerMember.id } })).role).toBe('owner');
  });

  it('inviting twice or an unknown email is a user error and writes nothing', async () => {
    const f = await fixture();
    const q = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { member { id } userErrors { code path } } }';
    const again = await call(f.clients.owner, q, { i: { projectId: f.ids.project, email: f.users.editor.email, role: 'VIEWER' } }, 'inviteMember');
    expect(again.code).toBe('ALREADY_MEMBER');
    const unknown = await call(f.clients.owner, q, { i: { projectId: f.ids.project, email: 'nobody@example.test', role: 'VIEWER' } }, 'inviteMember');
    expect(unknown.code).toBe('USER_NOT_FOUND');
    expect(await api.db.membership.count({ where: { projectId: f.project.id } })).toBe(4);
  });

  it('ids of another type or garbage are NOT_FOUND', async () => {
    const f = await fixture();
    for (const id of [f.ids.version, 'garbage', toGlobalId('Project', 'not-a-uuid')]) {
      expect((await call(f.clients.owner, 'query($id: ID!) { project(id: $id) { id } }', { id }, 'project')).code).toBe('NOT_FOUND');
    }
  });
});
