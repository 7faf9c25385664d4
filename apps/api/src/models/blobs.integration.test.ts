import { afterAll, describe, expect, it } from 'vitest';
import { makeBlobRow, makeProject, makeUser } from '../testing/factories.js';
import { testDatabaseUrl } from '../testing/testDatabaseUrl.js';
import { blobsReadableByAny, canUserReadBlob, linkBlobsToProject, upsertBlob } from './blobs.js';
import { createDb } from './db.js';

describe('blob access', () => {
  const db = createDb(testDatabaseUrl(), { max: 2 });
  afterAll(() => db.$disconnect());

  it('members can read a blob once their project uses it; unknown hashes are ignored', async () => {
    const uploader = await makeUser(db, 'Up');
    const member = await makeUser(db, 'Member');
    const blob = await makeBlobRow(db, uploader);
    const project = await makeProject(db, uploader, 'P', [[member, 'viewer']]);
    expect(await canUserReadBlob(db, uploader.id, blob.sha256)).toBe(true);
    expect(await canUserReadBlob(db, member.id, blob.sha256)).toBe(false);
    expect(await linkBlobsToProject(db, project.id, [blob.sha256, 'f'.repeat(64)])).toBe(1);
    expect(await linkBlobsToProject(db, project.id, [blob.sha256])).toBe(0);
    expect(await canUserReadBlob(db, member.id, blob.sha256)).toBe(true);
  });

  it('records every uploader of the same bytes once; each may read the blob, others may not', async () => {
    const first = await makeUser(db, 'First');
    const second = await makeUser(db, 'Second');
    const stranger = await makeUser(db, 'Stranger');
    const blob = await makeBlobRow(db, first);
    const data = { sha256: blob.sha256, bytes: 100, width: 10, height: 10, mediaType: 'image/png', uploaderId: second.id };
    expect((await upsertBlob(db, data)).uploaderId).toBe(first.id);
    await upsertBlob(db, data);
    expect(await db.blobUpload.count({ where: { sha256: blob.sha256 } })).toBe(2);
    expect(await canUserReadBlob(db, second.id, blob.sha256)).toBe(true);
    expect(await canUserReadBlob(db, stranger.id, blob.sha256)).toBe(false);
    expect(await blobsReadableByAny(db, [second.id], [blob.sha256])).toEqual([blob.sha256]);
    expect(await blobsReadableByAny(db, [stranger.id], [blob.sha256])).toEqual([]);
  });
});
