/** Layered documents accepted by `POST /blobs` for import (stored as sent, never decoded on upload). */
export type DocumentFileType = { format: 'psd'; mediaType: 'image/vnd.adobe.photoshop' } | { format: 'ora'; mediaType: 'image/openraster' };

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, from + length));

/**
 * Recognises a PSD (`8BPS`, version 1, a complete 26-byte header) or an OpenRaster file (a ZIP whose first entry is
 * the stored `mimetype` file containing `image/openraster`, as the spec requires) from its first bytes.
 */
export function sniffDocumentFile(bytes: Uint8Array): DocumentFileType | null {
  if (bytes.length >= 26 && ascii(bytes, 0, 4) === '8BPS' && bytes[4] === 0 && bytes[5] === 1) {
    return { format: 'psd', mediaType: 'image/vnd.adobe.photoshop' };
  }
  if (bytes.length >= 30 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const method = view.getUint16(8, true);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    const start = 30 + nameLength + extraLength;
    const expected = 'image/openraster';
    if (method === 0 && nameLength === 8 && ascii(bytes, 30, 8) === 'mimetype' && bytes.length >= start + expected.length
      && ascii(bytes, start, expected.length) === expected) {
      return { format: 'ora', mediaType: 'image/openraster' };
    }
  }
  return null;
}

/** Media types of blobs that are documents to import, not layer images. */
export const DOCUMENT_MEDIA_TYPES: ReadonlySet<string> = new Set(['image/vnd.adobe.photoshop', 'image/openraster']);
