#!/usr/bin/env tsx
/**
 * `npm run export`. With a project id (UUID or global id) that is not a path on disk:
 *   npm run export -- <projectId> --format psd|pptx|ora|zip|png [--out <file>] [--version <versionId>]
 * exports the project from the database: DATABASE_URL, else the embedded PostgreSQL of `npm start` under
 * $STRATA_DATA_DIR (default .data; reused when `npm start` is running, started for the export otherwise); blobs from
 * $STRATA_BLOB_DIR or $STRATA_DATA_DIR/blobs. Anything else goes to the file exporter of @strata/formats
 * (project dumps, manifest folders, PSD/ORA conversion: packages/formats/src/cli/export.ts), unchanged.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fromGlobalId } from '@strata/schema';
import { EXPORT_FORMATS, isExportFormat } from '@strata/formats';
import { projectIdArgument } from './projectIdArgument.js';

async function fromDatabase(projectId: string): Promise<void> {
  const { values } = parseArgs({ allowPositionals: true, options: { format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' }, version: { type: 'string' } } });
  const format = (values.format ?? (values.out ? path.extname(values.out).slice(1) : '')).toLowerCase();
  if (!isExportFormat(format)) {
    throw new Error(`usage: npm run export -- <projectId> --format ${EXPORT_FORMATS.join('|')} [--out <file>] [--version <versionId>]`);
  }
  const versionId = values.version ? (fromGlobalId(values.version)?.id ?? values.version) : undefined;
  const dataDir = process.env.STRATA_DATA_DIR || '.data';
  const blobDir = process.env.STRATA_BLOB_DIR || path.join(dataDir, 'blobs');
  const { openCliDatabase } = await import('./openCliDatabase.js');
  const db = await openCliDatabase(dataDir);
  try {
    const { exportProjectToFile } = await import('./exportProject.js');
    const started = performance.now();
    const r = await exportProjectToFile({ databaseUrl: db.url, blobDir, projectId, versionId, format, out: values.out });
    console.log(`${r.out}: ${format}, ${r.bytes} bytes, ${r.width}x${r.height}, ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.close();
  }
}

const projectId = projectIdArgument(process.argv.slice(2).find((a) => !a.startsWith('-')));
if (projectId) {
  fromDatabase(projectId).catch((e: unknown) => {
    console.error(`export: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
} else {
  await import('../../../../packages/formats/src/cli/export.js');
}
