// Prisma CLI config: offline migrations through the WASM schema engine. Workarounds: prisma/offline.ts.
// Run the CLI through `npm run prisma -- <args>` (scripts/prisma.ts), which sets the offline environment.
import { existsSync } from 'node:fs';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/offline.ts';

// prisma.config.ts does not read .env by itself.
if (existsSync('.env')) process.loadEnvFile('.env');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set (scripts/prisma.ts sets it for the embedded database)');
    return migrationAdapter(url);
  },
});
