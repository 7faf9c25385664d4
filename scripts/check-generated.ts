/**
 * `npm run check:generated` (CI): fails when generated files are stale.
 * 1. GraphQL: the committed codegen output matches packages/schema/src/schema.graphql.
 * 2. Prisma: prisma/migrations produce exactly prisma/schema.prisma (migrate diff on a throwaway database:
 *    DATABASE_URL's server, or a temporary embedded PostgreSQL).
 * 3. Prisma client: generated (not committed) from the current schema, and it typechecks with the API.
 */
import { spawnSync } from 'node:child_process';
import { createThrowawayDatabase } from '../apps/api/src/db/createThrowawayDatabase.js';
import { ensurePrismaClient } from '../apps/api/src/db/ensurePrismaClient.js';
import { runPrismaCapture } from '../apps/api/src/db/runPrisma.js';

let failed = 0;

const codegen = spawnSync('npm', ['run', '--silent', 'check', '-w', '@strata/schema'], { stdio: 'inherit' });
if (codegen.status !== 0) failed++;
else console.log('graphql codegen: up to date');

const db = await createThrowawayDatabase(process.env.DATABASE_URL || undefined);
try {
  const diff = await runPrismaCapture(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel',
    'prisma/schema.prisma', '--exit-code'], db.url, { quiet: true });
  if (diff.code === 0) console.log('prisma migrations: match schema.prisma');
  else {
    failed++;
    console.error(`prisma migrations differ from schema.prisma (exit ${diff.code}); add a migration (prisma/README.md):\n${diff.output}`);
  }
} finally {
  await db.drop();
}

await ensurePrismaClient();
console.log('prisma client: generated');
process.exit(failed ? 1 : 0);
