import type { DocumentTree } from '@strata/document';
import type { ExportedFile, ExportFormat } from '@strata/formats';
import { blobHashesInTree } from '../collab/blobHashesInUpdate.js';
import { AppError } from '../errors/AppError.js';
import * as blobs from '../models/blobs.js';
import type { Db } from '../models/db.js';
import type { BlobService } from './BlobService.js';
import { MissingBlobError, type FormatRunner } from '../formats/FormatRunner.js';
import { Semaphore } from './Semaphore.js';

export interface ExportedBlob {
  url: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  filename: string;
}

/**
 * Exports a project's tree with @strata/formats and stores the file as a blob (uploader = the caller, linked to the
 * project so its members can download it too). The exporter reads only blobs linked to the project: a hash written
 * into the live document by someone who could not read it is refused (EXPORT_FAILED), never embedded.
 *
 * CPU: the format work runs in the FormatRunner (the API's child process: a 50-layer 2048² PSD costs ~4.6 s CPU,
 * bench/export/RESULTS.md, and must not block the event loop); at most `concurrency` exports are prepared at once
 * per process so the blobs read for them stay bounded in memory.
 */
export class ExportService {
  private readonly gate: Semaphore;

  constructor(private readonly db: Db, private readonly blobService: BlobService, private readonly runner: FormatRunner,
    concurrency = 1) {
    this.gate = new Semaphore(concurrency);
  }

  async export(userId: string, project: { id: string; name: string }, tree: DocumentTree, format: ExportFormat,
    label: string | null): Promise<ExportedBlob> {
    const file = await this.render(project.id, tree, format);
    const blob = await this.blobService.storeFile(userId, file.bytes, file.mimeType, { width: tree.width, height: tree.height });
    await blobs.linkBlobsToProject(this.db, project.id, [blob.sha256]);
    const filename = exportFilename(project.name, label, file.extension);
    return { url: `/blobs/${blob.sha256}?download=${encodeURIComponent(filename)}`, sha256: blob.sha256, bytes: blob.bytes,
      mediaType: blob.mediaType, filename };
  }

  /** The file for a project's tree (reading only the project's blobs); EXPORT_FAILED when a blob is missing. */
  async render(projectId: string, tree: DocumentTree, format: ExportFormat): Promise<ExportedFile> {
    const needed = blobHashesInTree(tree);
    const linked = await blobs.blobsOfProject(this.db, projectId, needed);
    return this.gate.run(async () => {
      // only the project's blobs are handed over: the exporter fails on anything else
      const bytes = new Map<string, Uint8Array>();
      for (const sha256 of needed) {
        const b = linked.has(sha256) ? await this.blobService.bytesOf(sha256) : null;
        if (b) bytes.set(sha256, b);
      }
      try {
        return await this.runner.exportDocument(tree, bytes, format);
      } catch (e) {
        if (e instanceof MissingBlobError) throw new AppError('EXPORT_FAILED', 'A layer’s pixels are missing or not part of this project');
        throw e;
      }
    });
  }
}

/** `My poster.psd`, `My poster - v2.psd`: readable, safe in a Content-Disposition header. */
export function exportFilename(projectName: string, label: string | null, extension: string): string {
  const clean = (s: string) => s.replace(/[^\w.\- ]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  const base = clean(projectName) || 'project';
  const suffix = label ? clean(label) : '';
  return `${base}${suffix ? ` - ${suffix}` : ''}.${extension}`;
}
