import { writeFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { materialize, type DocumentTree } from '@strata/document';
import type { ExportFormat } from '@strata/formats';
import { FsBlobStore } from '../blobs/FsBlobStore.js';
import { inProcessFormatRunner } from '../formats/FormatRunner.js';
import { PostgresCollabStorage } from '../collab/storage/PostgresCollabStorage.js';
import { createDb } from '../models/db.js';
import * as projects from '../models/projects.js';
import * as versions from '../models/versions.js';
import { BlobService, DEFAULT_BLOB_LIMITS } from '../services/BlobService.js';
import { VersionTreeCache } from '../services/DocumentReader.js';
import { ExportService, exportFilename } from '../services/ExportService.js';

export interface ExportProjectOptions {
  databaseUrl: string;
  /** the filesystem blob store (`$STRATA_BLOB_DIR` or `$STRATA_DATA_DIR/blobs`) */
  blobDir: string;
  projectId: string;
  /** a version id; default: the live document (snapshot + update log, every acknowledged edit) */
  versionId?: string | undefined;
  format: ExportFormat;
  /** default: `<project name>.<ext>` in the current folder */
  out?: string | undefined;
}

export class ExportCliError extends Error {
  override name = 'ExportCliError';
}

/** The live tree as the collaboration server would load it: snapshot (or latest version state) + later updates. */
async function liveTree(databaseUrl: string, projectId: string): Promise<DocumentTree | null> {
  const { storage, close } = PostgresCollabStorage.fromUrl(databaseUrl, 1);
  try {
    const stored = await storage.load(projectId);
    if (!stored) return null;
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    const tree = materialize(doc);
    doc.destroy();
    return tree.width > 0 ? tree : { ...tree, width: stored.width, height: stored.height };
  } finally {
    await close();
  }
}

/** `npm run export -- <projectId> --format psd --out file.psd`: exports a project straight from the database. */
export async function exportProjectToFile(o: ExportProjectOptions): Promise<{ out: string; bytes: number; width: number; height: number }> {
  const db = createDb(o.databaseUrl, { max: 2 });
  try {
    const [project] = await projects.findProjectsByIds(db, [o.projectId]);
    if (!project) throw new ExportCliError(`no project ${o.projectId}`);
    let tree: DocumentTree | null;
    let label: string | null = null;
    if (o.versionId) {
      const [version] = await versions.findVersionsByIds(db, [o.versionId]);
      if (!version || version.projectId !== project.id) throw new ExportCliError(`no version ${o.versionId} in project ${o.projectId}`);
      tree = await new VersionTreeCache(db).tree(version);
      label = version.name ?? version.createdAt.toISOString().slice(0, 10);
    } else {
      tree = await liveTree(o.databaseUrl, project.id);
    }
    if (!tree) throw new ExportCliError(`no project ${o.projectId}`);
    const blobs = new BlobService(db, new FsBlobStore(o.blobDir), DEFAULT_BLOB_LIMITS);
    const file = await new ExportService(db, blobs, inProcessFormatRunner).render(project.id, tree, o.format);
    const out = o.out ?? exportFilename(project.name, label, file.extension);
    await writeFile(out, file.bytes);
    return { out, bytes: file.bytes.length, width: tree.width, height: tree.height };
  } finally {
    await db.$disconnect();
  }
}
