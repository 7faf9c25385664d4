/**
 * exportProject (current document and past versions, every format, downloadable blobs) and importDocument (new
 * project, group in a live project, importer errors) on the real API with the collaboration websocket.
 */
import { createHash } from 'node:crypto';
import { addLayer } from '@strata/document';
import { toGlobalId } from '@strata/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { manyLayerPsd, patchPsdHeader, tinyPsd } from '../../../packages/formats/src/testing/badInputs.js';
import { until } from '../src/collab/testing/until.js';
import { connectClient, type TestClient as WsClient } from '../src/collab/testing/wsClient.js';
import { makeCallers, WHO, type Who } from '../src/testing/callers.js';
import { solidPng } from '../src/testing/images.js';
import type { TestClient } from '../src/testing/TestClient.js';
import { useCollabTestApi } from '../src/testing/testApi.js';

const api = useCollabTestApi();
const sockets: WsClient[] = [];
afterAll(() => {
  for (const s of sockets) s.destroy();
});

let colorSeq = 0x102030;
const uniqueColor = () => `#${(colorSeq += 0x010203).toString(16).padStart(6, '0').slice(-6)}`;
let psdSeq = 0;
/** a PSD with distinct bytes per call (identical uploads by two users share one blob owned by the first) */
const uniquePsd = () => manyLayerPsd(1 + (psdSeq++ % 7));

async function fixture() {
  const { users, tokens, clients } = await makeCallers(api.db, api.url);
  // a project made the way users make one: an uploaded image (unique bytes: no other test user uploaded them, so only members may read the blob)
  const res = await clients.owner.upload(await solidPng(6, 4, uniqueColor()));
  const { sha256 } = (await res.json()) as { sha256: string };
  const created = await clients.owner.ok<{ createProject: { project: { id: string } } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code } } }`,
    { input: { name: 'Poster/2026', imageBlob: sha256 } });
  const projectId = created.createProject.project.id;
  const project = await api.db.project.findFirstOrThrow({ where: { memberships: { some: { userId: users.owner.id } }, name: 'Poster/2026' }, orderBy: { createdAt: 'desc' } });
  await api.db.membership.createMany({ data: [{ projectId: project.id, userId: users.editor.id, role: 'editor' }, { projectId: project.id, userId: users.viewer.id, role: 'viewer' }] });
  return { project, projectId, tokens, clients, users };
}

function codeOf(r: { data: Record<string, { userErrors?: { code: string }[] } | null> | null; errors?: { extensions?: { code?: string } }[] }, field: string) {
  return r.data?.[field]?.userErrors?.[0]?.code ?? r.errors?.[0]?.extensions?.code ?? null;
}

const EXPORT = `mutation($input: ExportProjectInput!) { exportProject(input: $input) {
  file { url sha256 bytes mediaType filename } userErrors { code path } } }`;
interface ExportResult {
  exportProject: { file: { url: string; sha256: string; bytes: number; mediaType: string; filename: string } | null;
    userErrors: { code: string; path: string[] | null }[] };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('exportProject', () => {
  it('any member exports; the file downloads with its media type and filename; others are refused', async () => {
    const f = await fixture();
    const expected: Record<Who, string | null> = { anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', viewer: null, editor: null, owner: null };
    for (const who of WHO) {
      const r = await f.clients[who].gql<ExportResult>(EXPORT, { input: { projectId: f.projectId, format: 'PSD' } });
      expect(codeOf(r as never, 'exportProject'), who).toBe(expected[who]);
    }
    const formats = { PSD: ['image/vnd.adobe.photoshop', 'psd'], PPTX: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
      ORA: ['image/openraster', 'ora'], ZIP: ['application/zip', 'zip'], PNG: ['image/png', 'png'] } as const;
    for (const [format, [mediaType, ext]] of Object.entries(formats)) {
      const r = await f.clients.viewer.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, format } });
      const file = r.exportProject.file!;
      expect(file).toMatchObject({ mediaType, filename: `Poster 2026.${ext}` });
      expect(file.url).toBe(`/blobs/${file.sha256}?download=${encodeURIComponent(file.filename)}`);
      // every member can download it (not only the one who exported); strangers cannot
      const res = await fetch(`${api.url}${file.url}`, { headers: f.clients.editor.headers() });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(mediaType);
      expect(res.headers.get('content-disposition')).toContain(`filename="${file.filename}"`);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(body.length).toBe(file.bytes);
      expect(sha(body)).toBe(file.sha256);
      expect((await f.clients.nonMember.getBlob(file.sha256)).status).toBe(404);
    }
    const png = await f.clients.owner.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, format: 'PNG' } });
    const bytes = new Uint8Array(await (await fetch(`${api.url}${png.exportProject.file!.url}`, { headers: f.clients.owner.headers() })).arrayBuffer());
    expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('exports a past version, not the live document', async () => {
    const f = await fixture();
    const versions = await f.clients.owner.ok<{ project: { versions: { nodes: { id: string }[] } } }>(
      `query($id: ID!) { project(id: $id) { versions { nodes { id } } } }`, { id: f.projectId });
    const first = versions.project.versions.nodes[0]!.id;
    const before = await f.clients.owner.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, format: 'PNG' } });
    const ws = connectClient(`${api.url.replace('http', 'ws')}/collab`, f.project.id, { token: f.tokens.editor });
    sockets.push(ws);
    await until(() => ws.provider.synced, 'synced');
    const upload = await f.clients.editor.upload(await solidPng(2, 2, uniqueColor()));
    const red = ((await upload.json()) as { sha256: string }).sha256;
    addLayer(ws.doc, { id: 'red', kind: 'raster', blob: red, width: 2, height: 2, x: 1, y: 1 });
    await until(() => ws.allAcked(), 'acked');
    const now = await f.clients.owner.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, format: 'PNG' } });
    expect(now.exportProject.file!.sha256).not.toBe(before.exportProject.file!.sha256);
    const past = await f.clients.viewer.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, versionId: first, format: 'PNG' } });
    expect(past.exportProject.file!.sha256).toBe(before.exportProject.file!.sha256);
    expect(past.exportProject.file!.filename).toBe('Poster 2026 - Imported image.png');
    // a version of another project is not found
    const other = await fixture();
    const r = await other.clients.owner.gql<ExportResult>(EXPORT, { input: { projectId: other.projectId, versionId: first, format: 'PNG' } });
    expect(codeOf(r as never, 'exportProject')).toBe('NOT_FOUND');
  });
});

const IMPORT = `mutation($input: ImportDocumentInput!) { importDocument(input: $input) {
  project { id name document { width height nodes { id type name parentId } } }
  version { reason authors { id } } userErrors { code path } } }`;
interface ImportResult {
  importDocument: { project: { id: string; name: string; document: { width: number; height: number;
    nodes: { id: string; type: string; name: string; parentId: string | null }[] } } | null;
    version: { reason: string; authors: { id: string }[] } | null; userErrors: { code: string; path: string[] | null }[] };
}

async function uploadFile(c: TestClient, bytes: Uint8Array, type = 'image/vnd.adobe.photoshop'): Promise<string> {
  const res = await c.upload(bytes, type);
  const body = (await res.json()) as { sha256: string; mediaType: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.sha256;
}

describe('importDocument', () => {
  it('POST /blobs accepts PSD and OpenRaster files (by their magic bytes), stored as sent', async () => {
    const f = await fixture();
    const psd = uniquePsd();
    const res = await f.clients.owner.upload(psd, 'image/vnd.adobe.photoshop');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ sha256: sha(psd), mediaType: 'image/vnd.adobe.photoshop', bytes: psd.length });
    const oraExport = await f.clients.owner.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, format: 'ORA' } });
    const oraBytes = new Uint8Array(await (await fetch(`${api.url}${oraExport.exportProject.file!.url}`, { headers: f.clients.owner.headers() })).arrayBuffer());
    const up = await f.clients.editor.upload(oraBytes, 'image/openraster');
    const ora = (await up.json()) as { sha256: string; mediaType: string };
    expect(ora.mediaType).toBe('image/openraster');
    // the OpenRaster export imports back as the same one-layer 6×4 document
    const imported = await f.clients.editor.ok<ImportResult>(IMPORT, { input: { blob: ora.sha256 } });
    expect(imported.importDocument.project!.name).toBe('Imported');
    expect(imported.importDocument.project!.document).toMatchObject({ width: 6, height: 4 });
    expect(imported.importDocument.project!.document.nodes.map((n) => [n.type, n.name])).toEqual([['LAYER', 'Image']]);
    const zip = await f.clients.owner.ok<ExportResult>(EXPORT, { input: { projectId: f.projectId, format: 'ZIP' } });
    const zipBytes = new Uint8Array(await (await fetch(`${api.url}${zip.exportProject.file!.url}`, { headers: f.clients.owner.headers() })).arrayBuffer());
    expect((await f.clients.owner.upload(zipBytes, 'application/octet-stream')).status).toBe(415);
    // a document is not an image: it cannot start a project as a layer
    const r = await f.clients.owner.gql<{ createProject: { userErrors: { code: string }[] } }>(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { userErrors { code } } }`,
      { input: { name: 'x', imageBlob: sha(psd) } });
    expect(r.data!.createProject.userErrors.map((e) => e.code)).toEqual(['BLOB_NOT_FOUND']);
  });

  it('without a project: a new project owned by the caller whose document is the imported tree', async () => {
    const f = await fixture();
    const blob = await uploadFile(f.clients.viewer, tinyPsd().slice()); // tinyPsd: 4×4, one layer 'a'
    const r = await f.clients.viewer.ok<ImportResult>(IMPORT, { input: { blob, name: 'From PSD' } });
    const p = r.importDocument.project!;
    expect(p.name).toBe('From PSD');
    expect(p.document).toMatchObject({ width: 4, height: 4 });
    expect(p.document.nodes.map((n) => [n.type, n.name])).toEqual([['LAYER', 'a']]);
    expect(r.importDocument.version).toEqual({ reason: 'IMPORT', authors: [{ id: toGlobalId('User', f.users.viewer.id) }] });
    const role = await f.clients.viewer.ok<{ project: { myRole: string } }>(`query($id: ID!) { project(id: $id) { myRole } }`, { id: p.id });
    expect(role.project.myRole).toBe('OWNER');
    // someone who cannot read the uploaded file cannot import it
    const other = await f.clients.nonMember.gql<ImportResult>(IMPORT, { input: { blob } });
    expect(codeOf(other as never, 'importDocument')).toBe('BLOB_NOT_FOUND');
    expect(codeOf(await f.clients.anonymous.gql(IMPORT, { input: { blob } }) as never, 'importDocument')).toBe('UNAUTHENTICATED');
  });

  it('into a project (editor, owner): a group appears for connected clients, with an import version', async () => {
    const f = await fixture();
    const ws = connectClient(`${api.url.replace('http', 'ws')}/collab`, f.project.id, { token: f.tokens.viewer });
    sockets.push(ws);
    await until(() => ws.provider.synced, 'synced');
    const expected: Record<Who, string | null> = { anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', viewer: 'FORBIDDEN', editor: null, owner: null };
    for (const who of WHO) {
      const uploader = who === 'anonymous' ? f.clients.owner : f.clients[who];
      const blob = await uploadFile(uploader, uniquePsd());
      const before = await api.db.version.count({ where: { projectId: f.project.id } });
      const r = await f.clients[who].gql<ImportResult>(IMPORT, { input: { projectId: f.projectId, blob, name: `by ${who}` } });
      expect(codeOf(r as never, 'importDocument'), who).toBe(expected[who]);
      const after = await api.db.version.count({ where: { projectId: f.project.id } });
      if (expected[who] !== null) {
        expect(after, who).toBe(before);
        continue;
      }
      expect(after).toBe(before + 1);
      const { project, version } = r.data!.importDocument;
      expect(version!.reason).toBe('IMPORT');
      const group = project!.document.nodes.find((n) => n.name === `by ${who}`)!;
      expect(group.type).toBe('GROUP');
      expect(project!.document.nodes.filter((n) => n.parentId === group.id).map((n) => n.name)[0]).toBe('l0');
      await until(() => ws.doc.getMap('nodes').has(group.id), `${who}'s group reached the connected client`);
      // the imported pixels are readable by every member
      const layer = await api.db.versionNode.findFirstOrThrow({ where: { parentId: group.id } });
      expect((await f.clients.viewer.getBlob(layer.blobSha!)).status).toBe(200);
    }
  });

  it('importer errors come back with the importer’s code and nothing is created', async () => {
    const f = await fixture();
    const psd = tinyPsd();
    const cases: [string, Uint8Array][] = [
      ['TRUNCATED_FILE', psd.slice(0, Math.floor(psd.length * 0.6))],
      ['UNSUPPORTED_COLOR_MODE', patchPsdHeader(psd, { colorMode: 4 })],
      ['UNSUPPORTED_BIT_DEPTH', patchPsdHeader(psd, { depth: 16 })],
      ['TOO_MANY_LAYERS', manyLayerPsd(2001)],
      ['CANVAS_TOO_LARGE', patchPsdHeader(psd, { width: 30000, height: 30000 })],
    ];
    for (const [code, bytes] of cases) {
      const blob = await uploadFile(f.clients.editor, bytes);
      const counts = async () => [await api.db.project.count(), await api.db.blob.count(), await api.db.version.count(),
        await api.db.docUpdate.count({ where: { projectId: f.project.id } })];
      const before = await counts();
      const fresh = await f.clients.editor.gql<ImportResult>(IMPORT, { input: { blob } });
      expect(fresh.data!.importDocument.userErrors, code).toEqual([{ code, path: ['input', 'blob'] }]);
      const into = await f.clients.editor.gql<ImportResult>(IMPORT, { input: { projectId: f.projectId, blob } });
      expect(into.data!.importDocument.userErrors, code).toEqual([{ code, path: ['input', 'blob'] }]);
      expect(await counts(), code).toEqual(before);
    }
  });
});
