export { startApiServer, type StartApiServerOptions, type RunningApiServer } from './server/startApiServer.js';
export { createApiApp, type ApiApp, type ApiAppOptions } from './server/createApiApp.js';
export { openDatabase, type OpenDatabase } from './db/openDatabase.js';
export { createThrowawayDatabase, type ThrowawayDatabase } from './db/createThrowawayDatabase.js';
export type { DocumentReader } from './services/DocumentReader.js';
export type { BlobStore } from './blobs/BlobStore.js';
export { MemoryBlobStore } from './blobs/MemoryBlobStore.js';
export { FsBlobStore } from './blobs/FsBlobStore.js';
