import path from 'node:path';
import type { ApiConfig } from './config.js';
import { FsBlobStore } from './blobs/FsBlobStore.js';
import { collabExtension, liveDocumentReader } from './collab/collabExtension.js';
import { serverExtensions } from './server/extensions.js';
import { startApiServer, type RunningApiServer } from './server/startApiServer.js';

/**
 * The API as `npm start` runs it, on an already migrated database: GraphQL, blobs and the collaboration websocket
 * (`/collab/<projectId>`); `project.document` reads the live document when a room is open.
 */
export async function runApi(config: ApiConfig, databaseUrl: string): Promise<RunningApiServer> {
  const collab = collabExtension({ databaseUrl, redisUrl: config.redisUrl });
  const server = await startApiServer({
    port: config.apiPort,
    host: config.apiHost,
    databaseUrl,
    blobStore: new FsBlobStore(config.blobDir ?? path.join(config.dataDir, 'blobs')),
    webOrigins: config.webOrigins,
    secureCookies: config.secureCookies,
    documentReader: (fallback) => liveDocumentReader(collab.service, fallback),
    collab: collab.service,
    services: {
      auth: { authCacheMs: config.authCacheMs },
      blobLimits: {
        ...(config.maxUploadBytes ? { maxBytes: config.maxUploadBytes } : {}),
        ...(config.maxImportBytes ? { maxDocumentBytes: config.maxImportBytes } : {}),
        ...(config.maxImagePixels ? { maxPixels: config.maxImagePixels } : {}),
      },
    },
    configure: async (api) => {
      collab.configure(api);
      for (const extend of serverExtensions) await extend(api);
    },
  });
  return {
    ...server,
    close: async () => {
      await collab.close();
      await server.close();
    },
  };
}
