#!/usr/bin/env tsx
/**
 * npm run export -- <manifest-dir | manifest.json | file.psd | file.ora> --format psd|pptx|ora|zip|png --out <file>
 * Exports a decompose-style manifest directory (or converts a PSD/ORA) into one of the supported formats.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BlobReader, DocumentTree } from '@strata/document';
import { EXPORT_FORMATS, exportDocument, isExportFormat } from '../exportDocument.js';
import { importDocument } from '../importDocument.js';
import { manifestDocument, parseManifest } from '../manifestDocument.js';

class UsageError extends Error {
  override name = 'UsageError';
}

async function load(input: string): Promise<{ tree: DocumentTree; readBlob: BlobReader }> {
  const path = resolve(input);
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`${input} does not exist`);
  const ext = extname(path).toLowerCase();
  if (info.isFile() && (ext === '.psd' || ext === '.ora')) {
    const imported = await importDocument(new Uint8Array(await readFile(path)));
    if (!imported.ok) throw imported.error;
    const { tree, blobs } = imported.value;
    return { tree, readBlob: async (sha) => blobs.get(sha) ?? Promise.reject(new Error(`no blob ${sha}`)) };
  }
  const manifestPath = info.isDirectory() ? join(path, 'manifest.json') : path;
  const dir = dirname(manifestPath);
  const manifest = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')));
  return manifestDocument(manifest, async (name) => new Uint8Array(await readFile(join(dir, name))));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } } });
  const [input] = positionals;
  const format = values.format ?? (values.out ? extname(values.out).slice(1).toLowerCase() : '');
  if (!input || !isExportFormat(format)) {
    throw new UsageError(`usage: npm run export -- <manifest-dir|manifest.json|file.psd|file.ora> --format ${EXPORT_FORMATS.join('|')} --out <file>`);
  }
  const out = values.out ?? `${basename(input, extname(input))}.${format}`;
  const started = performance.now();
  const { tree, readBlob } = await load(input);
  const file = await exportDocument(tree, readBlob, format);
  await writeFile(out, file.bytes);
  console.log(`${out}: ${format}, ${file.bytes.length} bytes, ${tree.width}x${tree.height}, ${Math.round(performance.now() - started)} ms`);
}

main().catch((e: unknown) => {
  const code = e && typeof e === 'object' && 'code' in e ? ` [${String(e.code)}]` : '';
  console.error(`export: ${e instanceof Error ? e.message : String(e)}${code}`);
  process.exit(1);
});
