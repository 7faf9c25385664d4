/** The README's examples, run as written: curl and graphql-request with a personal access token. */
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GraphQLClient, gql } from 'graphql-request';
import { afterAll, describe, expect, it } from 'vitest';
import { solidPng } from '../src/testing/images.js';
import { useTestApi } from '../src/testing/testApi.js';

const run = promisify(execFile);
const api = useTestApi();
const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

async function curl(args: string[]): Promise<unknown> {
  const { stdout } = await run('curl', ['-s', ...args]);
  return JSON.parse(stdout);
}

describe('third-party clients', () => {
  it('curl: sign up (cookie jar), create a token, then query and upload with the token', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'curl-'));
    dirs.push(dir);
    const jar = path.join(dir, 'jar');
    const gqlUrl = `${api.url}/graphql`;
    await curl(['-c', jar, '-H', 'content-type: application/json', '-d',
      '{"query":"mutation { signUp(input: {email: \\"curl@example.test\\", password: \\"correct horse\\", name: \\"Curl\\"}) { user { id } userErrors { code } } }"}', gqlUrl]);
    const created = await curl(['-b', jar, '-H', 'content-type: application/json', '-d',
      '{"query":"mutation { createApiToken(input: {name: \\"cli\\"}) { token userErrors { code } } }"}', gqlUrl]) as
      { data: { createApiToken: { token: string } } };
    const token = created.data.createApiToken.token;
    expect(token).toMatch(/^stk_/);
    const me = await curl(['-H', `authorization: Bearer ${token}`, '-H', 'content-type: application/json', '-d',
      '{"query":"{ me { name } projects(first: 10) { nodes { id name } } }"}', gqlUrl]);
    expect(me).toEqual({ data: { me: { name: 'Curl' }, projects: { nodes: [] } } });
    const file = path.join(dir, 'photo.png');
    await writeFile(file, await solidPng(8, 6));
    const blob = await curl(['-H', `authorization: Bearer ${token}`, '-H', 'content-type: image/png', '--data-binary', `@${file}`,
      `${api.url}/blobs`]) as { sha256: string; width: number; height: number };
    expect(blob).toMatchObject({ width: 8, height: 6 });

    // export a project as PSD and download it (README "curl", as written)
    const project = await curl(['-H', `authorization: Bearer ${token}`, '-H', 'content-type: application/json', '-d',
      JSON.stringify({ query: 'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }',
        variables: { i: { name: 'Poster', imageBlob: blob.sha256 } } }), gqlUrl]) as { data: { createProject: { project: { id: string } } } };
    const exported = await curl(['-H', `authorization: Bearer ${token}`, '-H', 'content-type: application/json', '-d',
      `{"query":"mutation($i: ExportProjectInput!) { exportProject(input: $i) { file { url filename } userErrors { code } } }",
       "variables":{"i":{"projectId":"${project.data.createProject.project.id}","format":"PSD"}}}`, gqlUrl]) as
      { data: { exportProject: { file: { url: string; filename: string } } } };
    const { url, filename } = exported.data.exportProject.file;
    expect(filename).toBe('Poster.psd');
    await run('curl', ['-s', '-OJ', '-H', `authorization: Bearer ${token}`, `${api.url}${url}`], { cwd: dir });
    expect((await readFile(path.join(dir, 'Poster.psd'))).subarray(0, 4).toString('latin1')).toBe('8BPS');
  });

  it('graphql-request with a bearer token', async () => {
    const signUp = new GraphQLClient(`${api.url}/graphql`);
    const { signUp: result } = await signUp.rawRequest<{ signUp: { user: { id: string } } }>(
      'mutation { signUp(input: { email: "gr@example.test", password: "correct horse", name: "GR" }) { user { id } } }')
      .then((r) => ({ signUp: r.data.signUp, cookie: r.headers.get('set-cookie') }));
    expect(result.user.id).toBeTruthy();
    const session = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(input: { email: "gr@example.test", password: "correct horse" }) { user { id } } }' }) });
    const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
    const tokenClient = new GraphQLClient(`${api.url}/graphql`, { headers: { cookie } });
    const { createApiToken } = await tokenClient.request<{ createApiToken: { token: string } }>(
      gql`mutation { createApiToken(input: { name: "script" }) { token } }`);

    // the README example from here on
    const client = new GraphQLClient(`${api.url}/graphql`, { headers: { authorization: `Bearer ${createApiToken.token}` } });
    const { createProject } = await client.request<{ createProject: { project: { id: string; name: string } } }>(gql`
      mutation Create($input: CreateProjectInput!) { createProject(input: $input) { project { id name } userErrors { code message } } }
    `, { input: { name: 'From a script' } });
    const data = await client.request<{ projects: { nodes: { id: string; name: string; document: { width: number } }[] } }>(gql`
      query { projects(first: 10) { nodes { id name document { width } } } }
    `);
    expect(data.projects.nodes).toEqual([{ id: createProject.project.id, name: 'From a script', document: { width: 1024 } }]);
  });
});
