import { describe, expect, it } from 'vitest';
import { makeProject, makeToken, makeUser } from '../src/testing/factories.js';
import { TestClient } from '../src/testing/TestClient.js';
import { useTestApi } from '../src/testing/testApi.js';

const failures: unknown[] = [];
const api = useTestApi({
  log: (e) => { failures.push(e); },
  // a document source that fails unexpectedly: its internal message must not reach clients
  documentReader: { current: async () => { throw new Error('secret internal detail: connection string postgres://x'); } },
});

async function signedIn() {
  const user = await makeUser(api.db);
  return { user, c: new TestClient(api.url).withToken(await makeToken(api.db, user)) };
}

describe('GraphQL request errors', () => {
  it('wrong variable types → BAD_USER_INPUT; unknown fields → GRAPHQL_VALIDATION_FAILED; bad syntax → GRAPHQL_PARSE_FAILED', async () => {
    const { c, user } = await signedIn();
    const wrongType = await c.gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }', { i: { name: 42, width: 'wide' } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await c.gql('mutation { createProject(input: {}) { project { id } } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknown = await c.gql('{ me { password } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const syntax = await c.gql('{ me { ');
    expect(syntax.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const badDate = await c.gql('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', { i: { name: 'x', expiresAt: 'tomorrow' } });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await api.db.apiToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it('names over 200 characters are refused and nothing is written', async () => {
    const { c, user } = await signedIn();
    const r = await c.ok<{ createProject: { project: null; userErrors: { code: string; path: string[] }[] } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } userErrors { code path message } } }', { i: { name: 'x'.repeat(201) } });
    expect(r.createProject.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', path: ['input', 'name'] });
    expect(await api.db.membership.count({ where: { userId: user.id } })).toBe(0);
    const project = await makeProject(api.db, user, 'Keep');
    const { toGlobalId } = await import('@strata/schema');
    const rename = await c.ok<{ renameProject: { userErrors: { code: string }[] } }>(
      'mutation($i: RenameProjectInput!) { renameProject(input: $i) { userErrors { code } } }', { i: { id: toGlobalId('Project', project.id), name: 'y'.repeat(201) } });
    expect(rename.renameProject.userErrors[0]?.code).toBe('INVALID_INPUT');
    expect((await api.db.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe('Keep');
  });

  it('refuses queries past the depth or cost limit before running them', async () => {
    const { c } = await signedIn();
    const deep = await c.gql(`{ projects { nodes { versions { nodes { project { versions { nodes { project { versions { nodes {
      project { versions { nodes { project { name } } } } } } } } } } } } } } }`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const costly = await c.gql('{ projects(first: 100) { nodes { versions(first: 100) { nodes { nodes { id } authors { name } } } } } }');
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const big = await c.gql('{ projects(first: 101) { nodes { id } } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('internal errors are masked with a request id, and logged', async () => {
    const { c, user } = await signedIn();
    const project = await makeProject(api.db, user);
    const { toGlobalId } = await import('@strata/schema');
    const r = await c.gql('query($id: ID!) { project(id: $id) { name document { width } } }', { id: toGlobalId('Project', project.id) });
    const err = r.errors?.[0];
    expect(err?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(err?.extensions?.requestId).toBe(r.headers.get('x-request-id'));
    expect(JSON.stringify(r.errors)).not.toMatch(/secret|postgres|stack/i);
    expect(failures.length).toBeGreaterThan(0);
  });

  it('CSRF prevention: a simple GET or form-encoded request without a preflight header is refused', async () => {
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' });
    expect(form.status).toBe(400);
    const ok = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
  });

  it('CORS: credentials only for the web origin', async () => {
    const pre = await fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('introspection is on', async () => {
    const r = await new TestClient(api.url).ok<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(r.__schema.queryType.name).toBe('Query');
  });

  it('pagination: first/after walks newest first without overlap', async () => {
    const { c, user } = await signedIn();
    for (let i = 0; i < 5; i++) await makeProject(api.db, user, `P${i}`);
    const q = 'query($after: String) { projects(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }';
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { projects: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await c.ok(q, { after });
      names.push(...page.projects.nodes.map((n) => n.name));
      if (!page.projects.pageInfo.hasNextPage) break;
      after = page.projects.pageInfo.endCursor;
    }
    expect(names).toEqual(['P4', 'P3', 'P2', 'P1', 'P0']);
  });
});
