import type { BlobStore } from '../blobs/BlobStore.js';
import { SignInLimiter } from '../auth/SignInLimiter.js';
import type { Db } from '../models/db.js';
import { AuthService, type AuthServiceOptions } from './AuthService.js';
import { BlobService, DEFAULT_BLOB_LIMITS, type BlobLimits } from './BlobService.js';
import { LatestVersionDocumentReader, VersionTreeCache, type DocumentReader } from './DocumentReader.js';
import { ProjectService } from './ProjectService.js';

export interface Services {
  db: Db;
  auth: AuthService;
  blobs: BlobService;
  projects: ProjectService;
  documents: DocumentReader;
  versionTrees: VersionTreeCache;
}

export interface ServicesOptions {
  db: Db;
  blobStore: BlobStore;
  blobLimits?: Partial<BlobLimits>;
  auth?: AuthServiceOptions;
  signInLimiter?: SignInLimiter;
  /** default: the latest version's tree */
  documentReader?: DocumentReader;
}

export function createServices(o: ServicesOptions): Services {
  const blobs = new BlobService(o.db, o.blobStore, { ...DEFAULT_BLOB_LIMITS, ...o.blobLimits });
  const versionTrees = new VersionTreeCache(o.db);
  return {
    db: o.db,
    auth: new AuthService(o.db, o.signInLimiter ?? new SignInLimiter(), o.auth),
    blobs,
    projects: new ProjectService(o.db, blobs),
    documents: o.documentReader ?? new LatestVersionDocumentReader(o.db, versionTrees),
    versionTrees,
  };
}
