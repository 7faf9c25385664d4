import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, runPrismaCapture } from './runPrisma.js';

/**
 * The Prisma client is generated (offline) into apps/api/src/models/generated, not committed. This regenerates it
 * when prisma/schema.prisma or the Prisma version changed since the last generation (a stamp file records both).
 */
const outDir = path.join(repoRoot, 'apps/api/src/models/generated');
const stampFile = path.join(outDir, 'prisma.stamp');
const lockDir = path.join(repoRoot, 'apps/api/src/models/.generate.lock');

export async function prismaClientStamp(): Promise<string> {
  const schema = await readFile(path.join(repoRoot, 'prisma/schema.prisma'));
  const pkg = await readFile(path.join(repoRoot, 'node_modules/prisma/package.json'), 'utf8');
  const version = (JSON.parse(pkg) as { version: string }).version;
  return createHash('sha256').update(schema).update(version).digest('hex');
}

export async function isPrismaClientFresh(): Promise<boolean> {
  if (!existsSync(stampFile)) return false;
  return (await readFile(stampFile, 'utf8')).trim() === (await prismaClientStamp());
}

export class PrismaGenerateError extends Error {
  override name = 'PrismaGenerateError';
}

async function acquireLock(deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch {
      if (Date.now() > until) {
        await rm(lockDir, { recursive: true, force: true }); // stale lock from a killed process
        continue;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function ensurePrismaClient(): Promise<void> {
  if (await isPrismaClientFresh()) return;
  await acquireLock(60_000);
  try {
    if (await isPrismaClientFresh()) return;
    const { code, output } = await runPrismaCapture(['generate'], undefined, { quiet: true });
    if (code !== 0) throw new PrismaGenerateError(`prisma generate failed:\n${output}`);
    await writeFile(stampFile, `${await prismaClientStamp()}\n`);
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
