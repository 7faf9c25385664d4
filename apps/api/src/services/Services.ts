import type { BlobStore } from '../blobs/BlobStore.js';
import { SignInLimiter } from '../auth/SignInLimiter.js';
import type { Db } from '../models/db.js';
import { AuthService, type AuthServiceOptions } from './AuthService.js';
import { BlobService, DEFAULT_BLOB_LIMITS, type BlobLimits } from './BlobService.js';
import { LatestVersionDocumentReader, VersionTreeCache, type DocumentReader } from './DocumentReader.js';
import { ProjectService } from './ProjectService.js';
import type { CollabService } from '../collab/CollabService.js';
import { ExportService } from './ExportService.js';
import { ImportService } from './ImportService.js';
import type { FormatRunner } from '../formats/FormatRunner.js';
import { inProcessFormatRunner } from '../formats/FormatRunner.js';

export interface Services {
  db: Db;
  auth: AuthService;
  blobs: BlobService;
  projects: ProjectService;
  documents: DocumentReader;
  versionTrees: VersionTreeCache;
  exports: ExportService;
  imports: ImportService;
  /** the collaboration service when the websocket is attached (collabExtension), else null */
  collab: () => CollabService | null;
  /** where exports and imports run (closed with the server) */
  formats: FormatRunner;
}

export interface ServicesOptions {
  db: Db;
  blobStore: BlobStore;
  blobLimits?: Partial<BlobLimits>;
  auth?: AuthServiceOptions;
  /** failed sign-ins allowed per email (default 5) and per client address (default 50) in 15 minutes */
  signInLimits?: { perEmail?: number; perIp?: number; windowMs?: number };
  /** default: the latest version's tree */
  documentReader?: DocumentReader;
  /** the running collaboration service (createVersion, imports into a project, membership changes) */
  collab?: () => CollabService | null;
  /** default: in this process (startApiServer passes a child-process runner) */
  formatRunner?: FormatRunner;
}

export function createServices(o: ServicesOptions): Services {
  const blobs = new BlobService(o.db, o.blobStore, { ...DEFAULT_BLOB_LIMITS, ...o.blobLimits });
  const versionTrees = new VersionTreeCache(o.db);
  const projects = new ProjectService(o.db, blobs);
  const collab = o.collab ?? (() => null);
  const formats = o.formatRunner ?? inProcessFormatRunner;
  return {
    db: o.db,
    auth: new AuthService(o.db, {
      email: new SignInLimiter({ maxFailures: o.signInLimits?.perEmail ?? 5, windowMs: o.signInLimits?.windowMs }),
      ip: new SignInLimiter({ maxFailures: o.signInLimits?.perIp ?? 50, windowMs: o.signInLimits?.windowMs }),
    }, o.auth),
    blobs,
    projects,
    exports: new ExportService(o.db, blobs, formats),
    imports: new ImportService(o.db, blobs, projects, collab, formats),
    collab,
    formats,
    documents: o.documentReader ?? new LatestVersionDocumentReader(o.db, versionTrees),
    versionTrees,
  };
}
