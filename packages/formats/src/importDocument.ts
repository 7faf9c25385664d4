import { fail, type Result } from './errors.js';
import type { ImportedDocument, ImportOptions } from './ImportedDocument.js';
import { importOra } from './importOra.js';
import { importPsd } from './importPsd.js';
import type { ImportLimits } from './limits.js';

export type ImportFormat = 'psd' | 'ora';

/** Recognises a file by its first bytes: '8BPS' is a PSD, a ZIP is tried as OpenRaster. */
export function sniffImportFormat(bytes: Uint8Array): ImportFormat | null {
  if (bytes[0] === 0x38 && bytes[1] === 0x42 && bytes[2] === 0x50 && bytes[3] === 0x53) return 'psd';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'ora';
  return null;
}

export async function importDocument(bytes: Uint8Array, options: ImportOptions & { limits?: ImportLimits } = {}): Promise<Result<ImportedDocument>> {
  const format = sniffImportFormat(bytes);
  switch (format) {
    case 'psd': return importPsd(bytes, options);
    case 'ora': return importOra(bytes, options);
    case null: return fail('UNSUPPORTED_FORMAT', 'not a PSD or OpenRaster file');
    default: { const never: never = format; throw new RangeError(`unknown import format ${String(never)}`); }
  }
}
