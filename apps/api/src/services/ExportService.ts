import type { DocumentTree } from '@strata/document';
import { ExportError, exportDocument, type ExportedFile, type ExportFormat } from '@strata/formats';
import { blobHashesInTree } from '../collab/blobHashesInUpdate.js';
import { AppError } from '../errors/AppError.js';
import * as blobs from '../models/blobs.js';
import type { Db } from '../models/db.js';
import type { BlobService } from './BlobService.js';
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
 * CPU: exporting runs on the API's event loop (a 50-layer 2048² PSD costs ~4.6 s CPU, bench/export/RESULTS.md), and
 * blocks other requests meanwhile; at most `concurrency` exports run at once per process so memory stays bounded.
 * Moving it to a worker thread is the next step.
 */
export class ExportService {
  private readonly gate: Semaphore;

  constructor(private readonly db: Db, private readonly blobService: BlobService, concurrency = 1) {
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
    const linked = await blobs.blobsOfProject(this.db, projectId, blobHashesInTree(tree));
    const readBlob = async (sha256: string): Promise<Uint8Array> => {
      if (!linked.has(sha256)) throw new ExportError(`blob ${sha256} is not part of this project`);
      const bytes = await this.blobService.bytesOf(sha256);
      if (!bytes) throw new ExportError(`blob ${sha256} is missing from the store`);
      return bytes;
    };
    return this.gate.run(async () => {
      try {
        return await exportDocument(tree, readBlob, format);
      } catch (e) {
        if (e instanceof ExportError) throw new AppError('EXPORT_FAILED', 'A layer’s pixels are missing or not part of this project');
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
