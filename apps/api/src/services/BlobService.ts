import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../errors/AppError.js';
import type { BlobStore } from '../blobs/BlobStore.js';
import { SHA256_HEX } from '../blobs/BlobStore.js';
import { readImageHeader } from '../blobs/imageHeader.js';
import { sniffDocumentFile } from '../blobs/documentFileHeader.js';
import * as blobs from '../models/blobs.js';
import type { Blob, Db } from '../models/db.js';
import type { SignedInViewer } from '../auth/Viewer.js';

export interface BlobLimits {
  /** images */
  maxBytes: number;
  /** PSD / OpenRaster files uploaded for import (a layered document is much larger than its flattened image) */
  maxDocumentBytes: number;
  maxPixels: number;
  maxDimension: number;
}

export const DEFAULT_BLOB_LIMITS: BlobLimits = { maxBytes: 64 * 1024 * 1024, maxDocumentBytes: 256 * 1024 * 1024,
  maxPixels: 50_000_000, maxDimension: 30_000 };

/**
 * Image uploads: size and header checks first (cheap), then a real decode with sharp. PNGs are stored as sent;
 * JPEG and WebP are converted to PNG (layers always point at PNGs). The stored bytes are addressed by their sha256.
 */
export class BlobService {
  constructor(private readonly db: Db, private readonly store: BlobStore, readonly limits: BlobLimits) {}

  async upload(viewer: SignedInViewer, bytes: Uint8Array): Promise<Blob> {
    if (bytes.length === 0) throw new AppError('EMPTY_BODY');
    const header = readImageHeader(bytes);
    if (!header.ok && header.reason === 'unsupported') {
      // a PSD or OpenRaster file to import: kept as sent (the importer validates it fully, with its own limits)
      const file = sniffDocumentFile(bytes);
      if (file) {
        if (bytes.length > this.limits.maxDocumentBytes) throw new AppError('PAYLOAD_TOO_LARGE');
        return this.storeFile(viewer.user.id, bytes, file.mediaType, { width: 0, height: 0 });
      }
    }
    if (bytes.length > this.limits.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    if (!header.ok) {
      throw header.reason === 'unsupported' ? new AppError('UNSUPPORTED_MEDIA_TYPE') : new AppError('CORRUPT_IMAGE');
    }
    const { width, height } = header;
    if (width > this.limits.maxDimension || height > this.limits.maxDimension || width * height > this.limits.maxPixels) {
      throw new AppError('IMAGE_TOO_LARGE',
        `${width}×${height} exceeds the limit (${this.limits.maxPixels} pixels, ${this.limits.maxDimension} per side)`);
    }
    let png: Uint8Array;
    try {
      const image = sharp(bytes, { limitInputPixels: this.limits.maxPixels, failOn: 'error' });
      if (header.mediaType === 'image/png') {
        const stats = await image.stats(); // decodes every pixel
        if (!stats.channels.length) throw new AppError('CORRUPT_IMAGE');
        png = bytes;
      } else {
        png = await image.autoOrient().png().toBuffer();
      }
      const meta = await sharp(png).metadata();
      if (!meta.width || !meta.height) throw new AppError('CORRUPT_IMAGE');
      const sha256 = createHash('sha256').update(png).digest('hex');
      await this.store.put(sha256, png);
      return await blobs.upsertBlob(this.db, { sha256, bytes: png.length, width: meta.width, height: meta.height,
        mediaType: 'image/png', uploaderId: viewer.user.id });
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof Error && /sharp|vips|Input|decode|corrupt|premature|read error|png|jpeg|webp/i.test(e.message)) {
        throw new AppError('CORRUPT_IMAGE');
      }
      throw e;
    }
  }

  /**
   * Stores bytes that are not a layer image (an uploaded document, an export) as a blob; `width`/`height` are 0 for
   * uploads, the canvas size for exports.
   */
  async storeFile(uploaderId: string, bytes: Uint8Array, mediaType: string, size: { width: number; height: number }): Promise<Blob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.store.put(sha256, bytes);
    return blobs.upsertBlob(this.db, { sha256, bytes: bytes.length, ...size, mediaType, uploaderId });
  }

  /** Stores a PNG produced by the server (e.g. an imported layer) as a layer blob. */
  async storePng(uploaderId: string, png: Uint8Array): Promise<Blob> {
    const meta = await sharp(png).metadata();
    if (!meta.width || !meta.height || meta.format !== 'png') throw new AppError('CORRUPT_IMAGE');
    return this.storeFile(uploaderId, png, 'image/png', { width: meta.width, height: meta.height });
  }

  /** Raw bytes from the store (no permission check: callers check first). */
  bytesOf(sha256: string): Promise<Uint8Array | null> {
    return this.store.get(sha256);
  }

  /** The blob and its bytes when the viewer may read it; null otherwise (missing and forbidden look the same). */
  async read(viewer: SignedInViewer, sha256: string): Promise<{ blob: Blob; bytes: Uint8Array } | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const blob = await blobs.findBlob(this.db, sha256);
    if (!blob || !(await blobs.canUserReadBlob(this.db, viewer.user.id, sha256))) return null;
    const bytes = await this.store.get(sha256);
    return bytes ? { blob, bytes } : null;
  }

  find(sha256: string): Promise<Blob | null> {
    return SHA256_HEX.test(sha256) ? blobs.findBlob(this.db, sha256) : Promise.resolve(null);
  }

  canRead(userId: string, sha256: string): Promise<boolean> {
    return blobs.canUserReadBlob(this.db, userId, sha256);
  }
}
