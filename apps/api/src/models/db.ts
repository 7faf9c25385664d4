/**
 * The only place that constructs PrismaClient (lint rule: no PrismaClient import outside apps/api/src/models).
 * The client is generated offline into ./generated (see apps/api/src/db/ensurePrismaClient.ts).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type Db = PrismaClient;
export { Prisma } from './generated/prisma/client.js';
export type * from './generated/prisma/client.js';

export interface CreateDbOptions {
  /** pool size (default 10) */
  max?: number;
}

export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
