/** Generates the Prisma client (offline) when prisma/schema.prisma changed: `npm run generate`. */
import { ensurePrismaClient } from '../apps/api/src/db/ensurePrismaClient.js';

await ensurePrismaClient();
