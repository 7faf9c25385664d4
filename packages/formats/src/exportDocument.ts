import type { BlobReader, DocumentTree } from '@strata/document';
import { exportOra } from './exportOra.js';
import { exportPng } from './exportPng.js';
import { exportPptx } from './exportPptx.js';
import { exportPsd } from './exportPsd.js';
import { exportZip } from './exportZip.js';

export const EXPORT_FORMATS = ['psd', 'pptx', 'ora', 'zip', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  bytes: Uint8Array;
  mimeType: string;
  extension: string;
}

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** One entry point for the API and the CLI: a materialised tree and a blob reader in, a file out. */
export async function exportDocument(tree: DocumentTree, readBlob: BlobReader, format: ExportFormat): Promise<ExportedFile> {
  switch (format) {
    case 'psd': return { bytes: await exportPsd(tree, readBlob), mimeType: 'image/vnd.adobe.photoshop', extension: 'psd' };
    case 'pptx': return { bytes: await exportPptx(tree, readBlob), mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' };
    case 'ora': return { bytes: await exportOra(tree, readBlob), mimeType: 'image/openraster', extension: 'ora' };
    case 'zip': return { bytes: await exportZip(tree, readBlob), mimeType: 'application/zip', extension: 'zip' };
    case 'png': return { bytes: await exportPng(tree, readBlob), mimeType: 'image/png', extension: 'png' };
    default: { const never: never = format; throw new RangeError(`unknown export format ${String(never)}`); }
  }
}
