import { describe, expect, it } from 'vitest';
import { TestClient } from '../src/testing/TestClient.js';
import { useTestApi } from '../src/testing/testApi.js';
import { solidPng } from '../src/testing/images.js';

const api = useTestApi();

describe('API smoke', () => {
  it('signs up, uploads, creates a project from the image and reads its document', async () => {
    const c = new TestClient(api.url);
    const up = await c.ok<{ signUp: { user: { email: string } } }>(
      'mutation($i: SignUpInput!) { signUp(input: $i) { user { email } userErrors { code } } }',
      { i: { email: 'Smoke@Example.test', password: 'password123', name: 'Smoke' } });
    expect(up.signUp.user.email).toBe('smoke@example.test');
    const res = await c.upload(await solidPng(40, 30));
    expect(res.status).toBe(201);
    const blob = (await res.json()) as { sha256: string; width: number };
    expect(blob.width).toBe(40);
    const created = await c.ok<{ createProject: { project: { id: string; document: { width: number; nodes: { kind: string; blob: { sha256: string } }[] } } } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id document { width nodes { kind width blob { sha256 } } } } userErrors { code } } }',
      { i: { name: 'First', imageBlob: blob.sha256 } });
    expect(created.createProject.project.document.width).toBe(40);
    expect(created.createProject.project.document.nodes).toEqual([{ kind: 'RASTER', width: 40, blob: { sha256: blob.sha256 } }]);
    const got = await c.getBlob(blob.sha256);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(`"${blob.sha256}"`);
  });
});
