import path from 'node:path';
import type { ApiConfig } from './config.js';
import { FsBlobStore } from './blobs/FsBlobStore.js';
import { serverExtensions } from './server/extensions.js';
import { startApiServer, type RunningApiServer } from './server/startApiServer.js';

/** The API as `npm start` runs it, on an already migrated database. */
export function runApi(config: ApiConfig, databaseUrl: string): Promise<RunningApiServer> {
  return startApiServer({
    port: config.apiPort,
    host: config.apiHost,
    databaseUrl,
    blobStore: new FsBlobStore(config.blobDir ?? path.join(config.dataDir, 'blobs')),
    webOrigins: config.webOrigins,
    secureCookies: config.secureCookies,
    services: {
      auth: { authCacheMs: config.authCacheMs },
      blobLimits: {
        ...(config.maxUploadBytes ? { maxBytes: config.maxUploadBytes } : {}),
        ...(config.maxImagePixels ? { maxPixels: config.maxImagePixels } : {}),
      },
    },
    configure: async (api) => {
      for (const extend of serverExtensions) await extend(api);
    },
  });
}
