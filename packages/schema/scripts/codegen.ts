/**
 * Runs graphql-codegen (config: ../codegen.ts) and writes, or with `--check` compares, the generated files.
 * Post-processing: codegen re-exports imported enum types with `export { X }`, which `verbatimModuleSyntax`
 * rejects; we emit `export type { X }`.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeCodegen } from '@graphql-codegen/cli';
import config from '../codegen.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const check = process.argv.includes('--check');

const { result, error } = await executeCodegen({ ...config, cwd: root } as Parameters<typeof executeCodegen>[0]);
if (error) throw error;
let stale = 0;
for (const file of result) {
  const content = file.content.replace(/^export \{ (\w+) \};$/gm, 'export type { $1 };');
  const target = path.resolve(root, file.filename);
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current !== content) {
      stale++;
      console.error(`stale: ${file.filename} (run npm run codegen -w @strata/schema)`);
    }
  } else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    console.log(`wrote ${file.filename}`);
  }
}
process.exit(stale ? 1 : 0);
