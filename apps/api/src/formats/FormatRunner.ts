import type { DocumentTree } from '@strata/document';
import { exportDocument, importDocument, type ExportedFile, type ExportFormat, type ImportedDocument, type Result } from '@strata/formats';

/**
 * Where the CPU-heavy @strata/formats work runs: in this process (tests, tools) or in a child process
 * (ChildProcessFormatRunner, the API default) so a multi-second PSD export never blocks the API's event loop.
 * Blobs are handed over as bytes: the runner does no I/O and no permission checks.
 */
export interface FormatRunner {
  /** throws MissingBlobError when the tree names a blob not in `blobs` */
  exportDocument(tree: DocumentTree, blobs: ReadonlyMap<string, Uint8Array>, format: ExportFormat): Promise<ExportedFile>;
  importDocument(bytes: Uint8Array): Promise<Result<ImportedDocument>>;
  close(): Promise<void>;
}

export class MissingBlobError extends Error {
  override name = 'MissingBlobError';
}

export const inProcessFormatRunner: FormatRunner = {
  exportDocument: (tree, blobs, format) => exportDocument(tree, async (sha) => {
    const bytes = blobs.get(sha);
    if (!bytes) throw new MissingBlobError(`blob ${sha} is not available`);
    return bytes;
  }, format),
  importDocument: (bytes) => importDocument(bytes),
  close: async () => {},
};
