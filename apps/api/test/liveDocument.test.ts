/**
 * createVersion, blob grants for live edits, and membership changes reaching open websocket connections, on the real
 * API server with the collaboration websocket (real Postgres, real y-websocket clients).
 */
import { addLayer } from '@strata/document';
import { toGlobalId } from '@strata/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../src/collab/closeCodes.js';
import { until } from '../src/collab/testing/until.js';
import { connectClient, type TestClient as WsClient } from '../src/collab/testing/wsClient.js';
import type { User } from '../src/models/db.js';
import { makeCallers, type Who } from '../src/testing/callers.js';
import { makeProject } from '../src/testing/factories.js';
import { solidPng } from '../src/testing/images.js';
import type { TestClient } from '../src/testing/TestClient.js';
import { useCollabTestApi } from '../src/testing/testApi.js';

const api = useCollabTestApi();
const sockets: WsClient[] = [];
afterAll(() => {
  for (const s of sockets) s.destroy();
});

async function fixture() {
  const { users, tokens, clients } = await makeCallers(api.db, api.url);
  const project = await makeProject(api.db, users.owner, 'Live', [[users.editor, 'editor'], [users.viewer, 'viewer']]);
  return { project, projectId: toGlobalId('Project', project.id), users, tokens, clients };
}

function socket(projectId: string, token: string): WsClient {
  const c = connectClient(`${api.url.replace('http', 'ws')}/collab`, projectId, { token });
  sockets.push(c);
  return c;
}

async function upload(c: TestClient, color: string): Promise<string> {
  const res = await c.upload(await solidPng(3, 2, color));
  expect(res.status).toBe(201);
  return ((await res.json()) as { sha256: string }).sha256;
}

const CREATE_VERSION = `mutation($input: CreateVersionInput!) { createVersion(input: $input) {
  version { id name description reason authors { id } nodes { id blob { sha256 } } } userErrors { code path } } }`;

interface VersionResult {
  createVersion: { version: { id: string; name: string | null; description: string | null; reason: string; authors: { id: string }[];
    nodes: { id: string; blob: { sha256: string } | null }[] } | null; userErrors: { code: string; path: string[] | null }[] } | null;
}

describe('createVersion', () => {
  it('editors and owners checkpoint the live document; others are refused and nothing is written', async () => {
    const f = await fixture();
    const expected: Record<Who, string | null> = { anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', viewer: 'FORBIDDEN', editor: null, owner: null };
    for (const who of Object.keys(expected) as Who[]) {
      const r = await f.clients[who].gql<VersionResult>(CREATE_VERSION, { input: { projectId: f.projectId, name: `by ${who}`, description: 'd' } });
      const code = r.data?.createVersion?.userErrors[0]?.code ?? r.errors?.[0]?.extensions?.code ?? null;
      expect(code, who).toBe(expected[who]);
      if (expected[who] === null) {
        expect(r.data!.createVersion!.version).toMatchObject({ name: `by ${who}`, description: 'd', reason: 'MANUAL' });
      }
    }
    const rows = await api.db.version.findMany({ where: { projectId: f.project.id } });
    expect(rows.map((v) => v.name).sort()).toEqual(['by editor', 'by owner']);
    const bad = await f.clients.editor.gql<VersionResult>(CREATE_VERSION, { input: { projectId: f.projectId, name: ' ' } });
    expect(bad.data!.createVersion!.userErrors).toEqual([{ code: 'INVALID_INPUT', path: ['input', 'name'] }]);
  });

  it('records the live edits since the last version with their author', async () => {
    const f = await fixture();
    const sha = await upload(f.clients.editor, '#ff0000');
    const ws = socket(f.project.id, f.tokens.editor);
    await until(() => ws.provider.synced, 'synced');
    addLayer(ws.doc, { id: 'red', kind: 'raster', blob: sha, width: 3, height: 2 });
    await until(() => ws.allAcked(), 'acked');
    const r = await f.clients.owner.ok<VersionResult>(CREATE_VERSION, { input: { projectId: f.projectId, name: 'after red' } });
    expect(r.createVersion!.version!.authors.map((a) => a.id)).toEqual([toGlobalId('User', f.users.editor.id)]);
    expect(r.createVersion!.version!.nodes).toEqual([{ id: 'red', blob: { sha256: sha } }]);
  });
});

describe('blob grants for live edits', () => {
  it('a blob the editor could read becomes readable by every member; another project’s blob hash grants nothing', async () => {
    const f = await fixture();
    const own = await upload(f.clients.editor, '#00ff00');
    // a blob of a project the editor does not belong to
    const outsider = f.clients.nonMember;
    const foreign = await upload(outsider, '#0000ff');
    const ws = socket(f.project.id, f.tokens.editor);
    await until(() => ws.provider.synced, 'synced');
    expect((await f.clients.viewer.getBlob(own)).status).toBe(404);
    addLayer(ws.doc, { id: 'own', kind: 'raster', blob: own, width: 3, height: 2 });
    addLayer(ws.doc, { id: 'foreign', kind: 'raster', blob: foreign, width: 3, height: 2 });
    await until(() => ws.allAcked(), 'acked');
    // linked before the edit was acknowledged
    expect((await f.clients.viewer.getBlob(own)).status).toBe(200);
    expect((await f.clients.viewer.getBlob(foreign)).status).toBe(404);
    expect((await f.clients.editor.getBlob(foreign)).status).toBe(404);
    // a checkpoint of the tree does not grant it either
    await f.clients.editor.ok(CREATE_VERSION, { input: { projectId: f.projectId } });
    const links = await api.db.projectBlob.findMany({ where: { projectId: f.project.id } });
    expect(links.map((l) => l.sha256)).toEqual([own]);
    expect((await f.clients.owner.getBlob(foreign)).status).toBe(404);
    // and exporting refuses to embed it
    const exp = await f.clients.owner.gql<{ exportProject: { userErrors: { code: string }[] } }>(
      `mutation($input: ExportProjectInput!) { exportProject(input: $input) { file { sha256 } userErrors { code } } }`,
      { input: { projectId: f.projectId, format: 'PNG' } });
    expect(exp.data!.exportProject.userErrors.map((e) => e.code)).toEqual(['EXPORT_FAILED']);
  });
});

describe('membership changes reach open connections', () => {
  const MEMBERS = `query($id: ID!) { project(id: $id) { members { id user { id } } } }`;
  async function memberId(f: Awaited<ReturnType<typeof fixture>>, user: User): Promise<string> {
    const r = await f.clients.owner.ok<{ project: { members: { id: string; user: { id: string } }[] } }>(MEMBERS, { id: f.projectId });
    return r.project.members.find((m) => m.user.id === toGlobalId('User', user.id))!.id;
  }

  it('an editor downgraded to viewer can no longer write; a removed member is disconnected', async () => {
    const f = await fixture();
    const editorWs = socket(f.project.id, f.tokens.editor);
    const viewerWs = socket(f.project.id, f.tokens.viewer);
    const ownerWs = socket(f.project.id, f.tokens.owner);
    await until(() => editorWs.provider.synced && viewerWs.provider.synced && ownerWs.provider.synced, 'synced');
    addLayer(editorWs.doc, { id: 'before', kind: 'raster', blob: 'a'.repeat(64), width: 1, height: 1 });
    await until(() => ownerWs.doc.getMap('nodes').has('before'), 'editor can write');

    const downgrade = await f.clients.owner.ok<{ changeMemberRole: { userErrors: unknown[] } }>(
      `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { member { role } userErrors { code } } }`,
      { input: { memberId: await memberId(f, f.users.editor), role: 'VIEWER' } });
    expect(downgrade.changeMemberRole.userErrors).toEqual([]);
    await until(() => editorWs.notices.some((n) => n.startsWith('read-only')), 'read-only notice');
    addLayer(editorWs.doc, { id: 'after', kind: 'raster', blob: 'a'.repeat(64), width: 1, height: 1 });
    await until(() => editorWs.allAcked(), 'processed');
    addLayer(ownerWs.doc, { id: 'marker', kind: 'raster', blob: 'a'.repeat(64), width: 1, height: 1 });
    await until(() => viewerWs.doc.getMap('nodes').has('marker'), 'later edits still flow');
    expect(viewerWs.doc.getMap('nodes').has('after')).toBe(false);
    expect(api.collab.service()!.roomIfOpen(f.project.id)!.doc.getMap('nodes').has('after')).toBe(false);

    const removed = await f.clients.owner.ok<{ removeMember: { userErrors: unknown[] } }>(
      `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { code } } }`,
      { input: { memberId: await memberId(f, f.users.viewer) } });
    expect(removed.removeMember.userErrors).toEqual([]);
    await until(() => viewerWs.closes.length > 0, 'removed member disconnected');
    expect(viewerWs.closes[0]!.code).toBe(CLOSE_CODES.FORBIDDEN.code);
    expect(ownerWs.closes).toEqual([]);
  });
});
