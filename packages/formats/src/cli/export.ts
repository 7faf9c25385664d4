#!/usr/bin/env tsx
/**
 * npm run export -- <project-dir | tree.json | manifest-dir | manifest.json | file.psd | file.ora>
 *   --format psd|pptx|ora|zip|png --out <file> [--blobs <dir>]
 * Exports a project dump (tree.json = a materialised DocumentTree, blobs in <dir>/blobs or --blobs, stored as
 * <sha> or <sha[0..2]>/<sha>), a decompose-style manifest directory, or converts a PSD/ORA.
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

/** A blob store folder: `<dir>/<sha>` or `<dir>/<sha[0..2]>/<sha>`, with or without `.png`. */
function folderBlobReader(dir: string): BlobReader {
  return async (sha) => {
    for (const p of [join(dir, sha), join(dir, `${sha}.png`), join(dir, sha.slice(0, 2), sha), join(dir, sha.slice(0, 2), `${sha}.png`)]) {
      const bytes = await readFile(p).catch(() => null);
      if (bytes) return new Uint8Array(bytes);
    }
    throw new UsageError(`blob ${sha} is not in ${dir}`);
  };
}

function isDocumentTree(json: unknown): json is DocumentTree {
  const t = json as Partial<DocumentTree> | null;
  return !!t && typeof t.width === 'number' && typeof t.height === 'number' && Array.isArray(t.children);
}

async function load(input: string, blobsDir: string | undefined): Promise<{ tree: DocumentTree; readBlob: BlobReader }> {
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
  // a project dump: tree.json (a materialised DocumentTree) and a blob folder
  const treePath = info.isDirectory() ? join(path, 'tree.json') : path;
  const treeJson: unknown = await readFile(treePath, 'utf8').then((t) => JSON.parse(t) as unknown, () => null);
  if (isDocumentTree(treeJson)) return { tree: treeJson, readBlob: folderBlobReader(resolve(blobsDir ?? join(dirname(treePath), 'blobs'))) };
  const manifestPath = info.isDirectory() ? join(path, 'manifest.json') : path;
  const dir = dirname(manifestPath);
  const manifest = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')));
  return manifestDocument(manifest, async (name) => new Uint8Array(await readFile(join(dir, name))));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, blobs: { type: 'string' } } });
  const [input] = positionals;
  const format = values.format ?? (values.out ? extname(values.out).slice(1).toLowerCase() : '');
  if (!input || !isExportFormat(format)) {
    throw new UsageError(`usage: npm run export -- <project-dir|tree.json|manifest-dir|manifest.json|file.psd|file.ora> --format ${EXPORT_FORMATS.join('|')} --out <file> [--blobs <dir>]`);
  }
  const out = values.out ?? `${basename(input, extname(input))}.${format}`;
  const started = performance.now();
  const { tree, readBlob } = await load(input, values.blobs);
  const file = await exportDocument(tree, readBlob, format);
  await writeFile(out, file.bytes);
  console.log(`${out}: ${format}, ${file.bytes.length} bytes, ${tree.width}x${tree.height}, ${Math.round(performance.now() - started)} ms`);
}

main().catch((e: unknown) => {
  const code = e && typeof e === 'object' && 'code' in e ? ` [${String(e.code)}]` : '';
  console.error(`export: ${e instanceof Error ? e.message : String(e)}${code}`);
  process.exit(1);
});
