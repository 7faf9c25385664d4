import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ERROR_CODES } from '@strata/schema';
import { AppError } from '../errors/AppError.js';
import { credentialsFrom } from '../auth/credentials.js';
import type { Services } from '../services/Services.js';
import { currentRequestId } from './requestScope.js';
import { sniffDocumentFile } from '../blobs/documentFileHeader.js';
import type { SignedInViewer } from '../auth/Viewer.js';

async function signedIn(services: Services, req: Request): Promise<SignedInViewer> {
  const viewer = await services.auth.authenticate(credentialsFrom(req.headers));
  if (viewer.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return viewer;
}

/** JSON error body for REST endpoints: `{ error: { code, message, requestId? } }`. */
export function sendError(res: Response, e: unknown, log: (e: unknown, requestId?: string) => void): void {
  if (e instanceof AppError) {
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
    return;
  }
  const requestId = currentRequestId();
  log(e, requestId);
  res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: ERROR_CODES.INTERNAL_SERVER_ERROR.message, requestId } });
}

/**
 * POST /blobs (raw image body; session cookie or bearer token) → `{ sha256, width, height }`.
 * GET /blobs/<sha256> for users who uploaded it or can read a project using it; immutable, ETag'd.
 * Cookie-authenticated uploads need a non-simple content type (image/*, application/octet-stream), which
 * cross-site forms cannot send, plus our CORS allow-list: that is the CSRF protection here.
 */
export function blobRoutes(services: Services, log: (e: unknown, requestId?: string) => void): Router {
  const router = express.Router();
  // images and documents share the endpoint: the limit follows the first bytes (PSD/ORA magic → the document limit)
  const { maxBytes: imageBytes, maxDocumentBytes } = services.blobs.limits;
  const maxBytes = Math.max(imageBytes, maxDocumentBytes);
  const limitFor = (head: Uint8Array): number => (sniffDocumentFile(head) ? maxDocumentBytes : imageBytes);

  router.post('/blobs', async (req: Request, res: Response) => {
    try {
      const viewer = await signedIn(services, req);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (viewer.via === 'session' && !(type.startsWith('image/') || type === 'application/octet-stream')) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the image bytes with an image/* content type');
      }
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
      const body = await readBody(req, limitFor);
      const blob = await services.blobs.upload(viewer, body);
      res.status(201).json({ sha256: blob.sha256, width: blob.width, height: blob.height, bytes: blob.bytes,
        mediaType: blob.mediaType, url: `/blobs/${blob.sha256}` });
    } catch (e) {
      sendError(res, e, log);
    }
  });

  router.get('/blobs/:sha256', async (req: Request, res: Response) => {
    try {
      const viewer = await signedIn(services, req);
      const sha256 = String(req.params.sha256);
      const etag = `"${sha256}"`;
      const found = await services.blobs.read(viewer, sha256);
      if (!found) throw new AppError('BLOB_NOT_FOUND');
      res.setHeader('etag', etag);
      res.setHeader('cache-control', 'private, max-age=31536000, immutable');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.setHeader('content-type', found.blob.mediaType);
      res.setHeader('x-content-type-options', 'nosniff');
      const disposition = contentDisposition(found.blob.mediaType, req.query.download);
      if (disposition) res.setHeader('content-disposition', disposition);
      res.status(200).end(Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength));
    } catch (e) {
      sendError(res, e, log);
    }
  });

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) next(err);
    else sendError(res, err, log);
  });
  return router;
}

/**
 * `?download=<filename>` asks for an attachment with that name (exports return such URLs); blobs that are not PNGs
 * (documents, exports) are always attachments, never rendered inline.
 */
export function contentDisposition(mediaType: string, download: unknown): string | null {
  const requested = typeof download === 'string' ? download : null;
  if (!requested && mediaType === 'image/png') return null;
  const name = (requested ?? 'download').replace(/[^\w.\- ]+/g, '_').replace(/^\.+/, '').slice(0, 120) || 'download';
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Reads the request body up to the limit `limitFor` gives for its first bytes (decided once 64 bytes arrived);
 * refuses more without buffering it.
 */
function readBody(req: Request, limitFor: (head: Uint8Array) => number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let max = Number.POSITIVE_INFINITY;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return; // drain and drop the rest, so the connection stays usable
      size += c.length;
      if (max === Number.POSITIVE_INFINITY && size >= 64) max = limitFor(Buffer.concat([...chunks, c]).subarray(0, 64));
      if (size > max) {
        refused = true;
        chunks.length = 0;
        reject(new AppError('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
