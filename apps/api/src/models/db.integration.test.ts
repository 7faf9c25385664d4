import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../testing/testDatabaseUrl.js';
import { createDb } from './db.js';

describe('database (migrated by globalSetup)', () => {
  const db = createDb(testDatabaseUrl(), { max: 2 });
  afterAll(() => db.$disconnect());

  it('stores bytes and bigints and enforces unique emails', async () => {
    const email = `db-${Date.now()}@example.test`;
    const user = await db.user.create({ data: { email, name: 'A', passwordHash: 'x' } });
    const project = await db.project.create({ data: { name: 'P', width: 2, height: 3 } });
    await db.docUpdate.create({ data: { projectId: project.id, seq: 1n, update: new Uint8Array([1, 2, 3]), userId: user.id } });
    const row = await db.docUpdate.findUniqueOrThrow({ where: { projectId_seq: { projectId: project.id, seq: 1n } } });
    expect(row.seq).toBe(1n);
    expect([...row.update]).toEqual([1, 2, 3]);
    await expect(db.user.create({ data: { email, name: 'B', passwordHash: 'y' } })).rejects.toMatchObject({ code: 'P2002' });
  });
});
