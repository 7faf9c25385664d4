import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { toGlobalId } from '@strata/schema';
import { describe, expect, it } from 'vitest';
import { corruptPng, pngHeaderOnly, solidPng } from '../src/testing/images.js';
import { makeToken, makeUser } from '../src/testing/factories.js';
import { TestClient } from '../src/testing/TestClient.js';
import { useTestApi } from '../src/testing/testApi.js';

const api = useTestApi({ services: { blobLimits: { maxBytes: 2 * 1024 * 1024, maxDocumentBytes: 3 * 1024 * 1024, maxPixels: 4_000_000 } } });

async function client(name = 'Uploader') {
  const user = await makeUser(api.db, name);
  return { user, c: new TestClient(api.url).withToken(await makeToken(api.db, user)) };
}

async function errorOf(res: Response): Promise<{ status: number; code: string }> {
  const body = (await res.json()) as { error: { code: string } };
  return { status: res.status, code: body.error.code };
}

describe('POST /blobs', () => {
  it('stores a PNG as sent, addressed by its sha256', async () => {
    const { c } = await client();
    const png = await solidPng(31, 7);
    const res = await c.upload(png);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { sha256: string; width: number; height: number };
    expect(body).toMatchObject({ sha256: createHash('sha256').update(png).digest('hex'), width: 31, height: 7 });
    const again = await c.upload(png);
    expect(again.status).toBe(201);
    expect(await api.db.blob.count({ where: { sha256: body.sha256 } })).toBe(1);
  });

  it('converts JPEG and WebP to PNG', async () => {
    const { c } = await client();
    for (const [bytes, type] of [[await sharp({ create: { width: 20, height: 10, channels: 3, background: '#808080' } }).jpeg().toBuffer(), 'image/jpeg'],
      [await sharp({ create: { width: 20, height: 10, channels: 4, background: '#80808080' } }).webp({ lossless: true }).toBuffer(), 'image/webp']] as const) {
      const res = await c.upload(bytes, type);
      expect(res.status).toBe(201);
      const body = (await res.json()) as { sha256: string; mediaType: string; width: number };
      expect(body).toMatchObject({ mediaType: 'image/png', width: 20 });
      const got = await c.getBlob(body.sha256);
      expect((await sharp(Buffer.from(await got.arrayBuffer())).metadata()).format).toBe('png');
    }
  });

  it.each([
    ['empty body', async () => new Uint8Array(), 400, 'EMPTY_BODY'],
    ['corrupt image bytes', corruptPng, 422, 'CORRUPT_IMAGE'],
    ['a PNG header claiming 100000×100000', async () => pngHeaderOnly(100_000, 100_000), 413, 'IMAGE_TOO_LARGE'],
    ['a PNG over the pixel limit (header check)', async () => pngHeaderOnly(2001, 2000), 413, 'IMAGE_TOO_LARGE'],
    ['a text file named .png', async () => new TextEncoder().encode('just text, not an image\n'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the byte limit', async () => new Uint8Array(2 * 1024 * 1024 + 1), 413, 'PAYLOAD_TOO_LARGE'],
    ['a truncated PNG', async () => (await solidPng(64, 64)).subarray(0, 60), 422, 'CORRUPT_IMAGE'],
  ] as const)('refuses %s with a clear code and stores nothing', async (_n, bytes, status, code) => {
    const { c, user } = await client();
    const t0 = Date.now();
    const res = await c.upload(await bytes());
    expect(await errorOf(res)).toEqual({ status, code });
    expect(Date.now() - t0).toBeLessThan(5000); // refused cheaply, no giant decode
    expect(await api.db.blob.count({ where: { uploaderId: user.id } })).toBe(0);
  });

  it('PSD files for import have their own size limit; other bytes keep the image limit', async () => {
    const { c } = await client();
    const psd = (size: number) => {
      const b = new Uint8Array(size);
      b.set([0x38, 0x42, 0x50, 0x53, 0, 1]); // '8BPS' version 1: only the header is checked on upload
      return b;
    };
    const ok = await c.upload(psd(2.5 * 1024 * 1024), 'image/vnd.adobe.photoshop');
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ mediaType: 'image/vnd.adobe.photoshop', bytes: 2.5 * 1024 * 1024 });
    expect(await errorOf(await c.upload(psd(3 * 1024 * 1024 + 1), 'image/vnd.adobe.photoshop'))).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await errorOf(await c.upload(new Uint8Array(2.5 * 1024 * 1024), 'image/png'))).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('needs authentication; cookie uploads need an image content type (CSRF)', async () => {
    const png = await solidPng(4, 4);
    expect(await errorOf(await new TestClient(api.url).upload(png))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const browser = new TestClient(api.url);
    await browser.ok('mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }',
      { i: { email: `csrf-${Date.now()}@example.test`, password: 'password123', name: 'B' } });
    expect(await errorOf(await browser.upload(png, 'text/plain'))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await browser.upload(png, 'image/png')).status).toBe(201);
  });
});

describe('GET /blobs/<sha256>', () => {
  it('serves the uploader and members of a project using it, with ETag and immutable caching; 404 for others', async () => {
    const { c: uploader, user } = await client('Up');
    const body = (await (await uploader.upload(await solidPng(9, 9, '#00ff00'))).json()) as { sha256: string };
    const created = await uploader.ok<{ createProject: { project: { id: string } } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }', { i: { name: 'P', imageBlob: body.sha256 } });
    const member = await makeUser(api.db, 'Member');
    await uploader.ok('mutation($i: InviteMemberInput!) { inviteMember(input: $i) { member { id } } }',
      { i: { projectId: created.createProject.project.id, email: member.email, role: 'VIEWER' } });
    const memberClient = new TestClient(api.url).withToken(await makeToken(api.db, member));
    const { c: stranger } = await client('Stranger');

    const res = await memberClient.getBlob(body.sha256);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('etag')).toBe(`"${body.sha256}"`);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(body.sha256);
    expect((await memberClient.getBlob(body.sha256, { 'if-none-match': `"${body.sha256}"` })).status).toBe(304);
    expect((await uploader.getBlob(body.sha256)).status).toBe(200);

    expect(await errorOf(await stranger.getBlob(body.sha256))).toEqual({ status: 404, code: 'BLOB_NOT_FOUND' });
    expect(await errorOf(await new TestClient(api.url).getBlob(body.sha256))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await errorOf(await uploader.getBlob('..%2F..%2Fetc%2Fpasswd'))).toEqual({ status: 404, code: 'BLOB_NOT_FOUND' });
    expect(user.id).toBeTruthy();
  });

  it('createProject refuses an image the caller cannot read, and writes nothing', async () => {
    const { c: owner } = await client('A');
    const body = (await (await owner.upload(await solidPng(5, 5, '#123456'))).json()) as { sha256: string };
    const { c: other, user } = await client('B');
    const r = await other.ok<{ createProject: { project: null; userErrors: { code: string; path: string[] }[] } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } userErrors { code path } } }',
      { i: { name: 'Stolen', imageBlob: body.sha256 } });
    expect(r.createProject).toEqual({ project: null, userErrors: [{ code: 'BLOB_NOT_FOUND', path: ['input', 'imageBlob'] }] });
    expect(await api.db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it('every uploader of identical bytes may read and use the blob; a user who never uploaded it still may not', async () => {
    const png = await solidPng(13, 11, '#a1b2c3');
    const { c: a } = await client('A');
    const { c: b, user: userB } = await client('B');
    const { c: stranger, user: userC } = await client('C');
    const first = (await (await a.upload(png)).json()) as { sha256: string };
    const second = await b.upload(png);
    expect(second.status).toBe(201);
    expect(((await second.json()) as { sha256: string }).sha256).toBe(first.sha256);
    expect(await api.db.blob.count({ where: { sha256: first.sha256 } })).toBe(1);

    expect((await b.getBlob(first.sha256)).status).toBe(200);
    expect((await a.getBlob(first.sha256)).status).toBe(200);
    const created = await b.ok<{ createProject: { project: { id: string } | null; userErrors: { code: string }[] } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } userErrors { code } } }',
      { i: { name: 'Same bytes', imageBlob: first.sha256 } });
    expect(created.createProject.userErrors).toEqual([]);
    expect(created.createProject.project).not.toBeNull();
    expect(await api.db.membership.count({ where: { userId: userB.id } })).toBe(1);

    expect(await errorOf(await stranger.getBlob(first.sha256))).toEqual({ status: 404, code: 'BLOB_NOT_FOUND' });
    const refused = await stranger.ok<{ createProject: { project: null; userErrors: { code: string; path: string[] }[] } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } userErrors { code path } } }',
      { i: { name: 'Stolen', imageBlob: first.sha256 } });
    expect(refused.createProject).toEqual({ project: null, userErrors: [{ code: 'BLOB_NOT_FOUND', path: ['input', 'imageBlob'] }] });
    expect(await api.db.membership.count({ where: { userId: userC.id } })).toBe(0);
  });

  it('a project created from an image starts as one raster layer at native size, in a first version', async () => {
    const { c } = await client();
    const body = (await (await c.upload(await solidPng(120, 45))).json()) as { sha256: string };
    const r = await c.ok<{ createProject: { project: { id: string; document: { width: number; height: number; tree: unknown;
      nodes: { type: string; kind: string; width: number; height: number; x: number; blob: { sha256: string; url: string } }[] };
      versions: { nodes: { reason: string; nodes: { id: string }[]; authors: { name: string }[] }[] } } } }>(
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id
        document { width height tree nodes { type kind width height x blob { sha256 url } } }
        versions { nodes { reason nodes { id } authors { name } } } } } }`, { i: { name: 'From image', imageBlob: body.sha256 } });
    const p = r.createProject.project;
    expect(p.document).toMatchObject({ width: 120, height: 45 });
    expect(p.document.nodes).toEqual([{ type: 'LAYER', kind: 'RASTER', width: 120, height: 45, x: 0,
      blob: { sha256: body.sha256, url: `/blobs/${body.sha256}` } }]);
    expect(p.versions.nodes).toEqual([{ reason: 'IMPORT', nodes: [{ id: expect.any(String) }], authors: [{ name: 'Uploader' }] }]);
    const version = await api.db.version.findFirstOrThrow({ where: { projectId: p.id.length > 36 ? (await import('@strata/schema')).fromGlobalId(p.id)!.id : p.id } });
    expect(version.state.length).toBeGreaterThan(0);
    expect(toGlobalId('Project', version.projectId)).toBe(p.id);
  });
});
