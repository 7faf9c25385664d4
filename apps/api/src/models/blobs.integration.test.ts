import { afterAll, describe, expect, it } from 'vitest';
import { makeBlobRow, makeProject, makeUser } from '../testing/factories.js';
import { testDatabaseUrl } from '../testing/testDatabaseUrl.js';
import { canUserReadBlob, linkBlobsToProject } from './blobs.js';
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
});
