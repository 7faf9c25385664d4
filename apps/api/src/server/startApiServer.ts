import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BlobStore } from '../blobs/BlobStore.js';
import { FsBlobStore } from '../blobs/FsBlobStore.js';
import { ChildProcessFormatRunner } from '../formats/ChildProcessFormatRunner.js';
import { inProcessFormatRunner } from '../formats/FormatRunner.js';
import { createDb, type Db } from '../models/db.js';
import type { DocumentReader } from '../services/DocumentReader.js';
import { createServices, type Services, type ServicesOptions } from '../services/Services.js';
import { createApiApp, type ApiApp, type ApiAppOptions } from './createApiApp.js';

export interface StartApiServerOptions {
  /** 0 = any free port */
  port?: number;
  host?: string;
  databaseUrl: string;
  /** blobs go to `<dataDir>/blobs` unless `blobStore` is given */
  dataDir?: string;
  blobStore?: BlobStore;
  webOrigins?: readonly string[];
  secureCookies?: boolean;
  dbPoolSize?: number;
  /** a reader, or a factory given the default one (latest version's tree) to fall back on */
  documentReader?: DocumentReader | ((fallback: DocumentReader) => DocumentReader);
  services?: Omit<ServicesOptions, 'db' | 'blobStore' | 'documentReader' | 'collab'>;
  /** where exports/imports run: `child` (default: one child process, the event loop stays free) or `inline` */
  formats?: 'child' | 'inline';
  /** the collaboration service, e.g. `collabExtension(…).service` (with `configure: collab.configure`) */
  collab?: ServicesOptions['collab'];
  queryLimits?: ApiAppOptions['queryLimits'];
  log?: ApiAppOptions['log'];
  /** extra wiring before listening (e.g. the collaboration websocket on `api.httpServer`) */
  configure?: (api: ApiApp & { services: Services; db: Db }) => void | Promise<void>;
}

export interface RunningApiServer {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  services: Services;
  api: ApiApp;
  close(): Promise<void>;
}

/** Starts the real API (for `npm start`, tests and benchmarks); `close()` stops it and its database pool. */
export async function startApiServer(o: StartApiServerOptions): Promise<RunningApiServer> {
  const db = createDb(o.databaseUrl, { max: o.dbPoolSize ?? 10 });
  const blobStore = o.blobStore ?? new FsBlobStore(path.join(o.dataDir ?? '.data', 'blobs'));
  const formatRunner = o.formats === 'inline' ? inProcessFormatRunner : new ChildProcessFormatRunner();
  const base = createServices({ ...o.services, db, blobStore, formatRunner, ...(o.collab ? { collab: o.collab } : {}) });
  const reader = typeof o.documentReader === 'function' ? o.documentReader(base.documents) : o.documentReader;
  const services: Services = reader ? { ...base, documents: reader } : base;
  const api = await createApiApp({ services, webOrigins: o.webOrigins ?? ['http://localhost:3000'],
    secureCookies: o.secureCookies, queryLimits: o.queryLimits, log: o.log });
  await o.configure?.({ ...api, services, db });
  await new Promise<void>((resolve, reject) => {
    api.httpServer.once('error', reject);
    api.httpServer.listen(o.port ?? 0, o.host, () => resolve());
  });
  const { port } = api.httpServer.address() as AddressInfo;
  const host = !o.host || o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    services,
    api,
    close: async () => {
      await api.apollo.stop(); // drains the HTTP server
      await formatRunner.close();
      await db.$disconnect();
    },
  };
}
