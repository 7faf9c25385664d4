import type { DocumentTree } from '@strata/document';
import type { ExportedFile, ExportFormat, FormatErrorCode, ImportedDocument } from '@strata/formats';

/** Messages between the API and its format child process (IPC with `serialization: 'advanced'`: Maps and bytes pass). */
export type FormatRequest =
  | { id: number; type: 'export'; tree: DocumentTree; blobs: Map<string, Uint8Array>; format: ExportFormat }
  | { id: number; type: 'import'; bytes: Uint8Array };

/** An import result with its FormatError flattened (custom Error fields do not survive serialization). */
export type ImportOutcome = { ok: true; value: ImportedDocument } | { ok: false; code: FormatErrorCode; message: string };

export type FormatResponse =
  | { id: number; ok: true; value: ExportedFile | ImportOutcome }
  | { id: number; ok: false; kind: 'missing-blob' | 'internal'; message: string };
