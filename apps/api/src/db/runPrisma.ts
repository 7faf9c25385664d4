import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prismaOfflineEnv } from '../../../../prisma/offline.js';

/** The repository root (where prisma.config.ts lives). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const prismaBin = fileURLToPath(new URL('../../../../node_modules/prisma/build/index.js', import.meta.url));

export interface RunPrismaOptions {
  /** capture output instead of inheriting stdio */
  quiet?: boolean;
}

/** Runs the Prisma CLI offline with the given DATABASE_URL; resolves to its exit code (output captured when quiet). */
export function runPrisma(args: readonly string[], databaseUrl?: string, options: RunPrismaOptions = {}):
  Promise<number> {
  return runPrismaCapture(args, databaseUrl, options).then((r) => {
    if (r.code !== 0 && options.quiet) process.stderr.write(r.output);
    return r.code;
  });
}

export function runPrismaCapture(args: readonly string[], databaseUrl?: string, options: RunPrismaOptions = {}):
  Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...prismaOfflineEnv };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaBin, ...args], {
      cwd: repoRoot,
      env,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
