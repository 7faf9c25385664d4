import { materialize, type DocumentTree } from '@strata/document';
import { linkReadableBlobsToProject } from '../models/blobs.js';
import type { Db } from '../models/db.js';
import type { ApiApp } from '../server/createApiApp.js';
import type { DocumentReader } from '../services/DocumentReader.js';
import type { Services } from '../services/Services.js';
import { apiAuthenticate, apiGetRole } from './apiAuth.js';
import { attachCollab, type CollabHandle } from './attachCollab.js';
import { RedisCollabBus } from './bus/RedisCollabBus.js';
import type { CollabService } from './CollabService.js';
import { strataDocumentModel } from './documentModel.js';
import type { CollabLimits } from './limits.js';
import { BlobLinkingStorage } from './storage/BlobLinkingStorage.js';
import { PostgresCollabStorage } from './storage/PostgresCollabStorage.js';
import type { CollabEvent } from './types.js';

export interface CollabExtensionOptions {
  databaseUrl: string;
  /** Redis pub/sub between API processes; unset = single process */
  redisUrl?: string | undefined;
  limits?: Partial<CollabLimits>;
  checkpointQuietMs?: number;
  onEvent?: (e: CollabEvent) => void;
}

/**
 * The collaboration websocket on the API's HTTP server, authenticated exactly like GraphQL requests (the API's
 * AuthService with the session cookie or bearer token) and authorised by the Membership table.
 * Use as `startApiServer({ configure: collab.configure })`; call `collab.close()` before closing the API.
 */
export function collabExtension(o: CollabExtensionOptions): {
  configure: (api: ApiApp & { services: Services; db: Db }) => void;
  close: () => Promise<void>;
  /** the running service (null before `configure`): createVersion, applyServerChange, onMembershipChanged */
  service: () => CollabService | null;
} {
  let handle: CollabHandle | null = null;
  let closeStorage: (() => Promise<void>) | null = null;
  let bus: RedisCollabBus | null = null;
  return {
    configure(api) {
      const { storage: log, close } = PostgresCollabStorage.fromUrl(o.databaseUrl, 5);
      closeStorage = close;
      // blobs referenced by live edits and checkpoints become readable by the members, if an author could read them
      const storage = new BlobLinkingStorage(log,
        (projectId, userIds, sha256s) => linkReadableBlobsToProject(api.db, projectId, userIds, sha256s),
        (projectId, error) => o.onEvent?.({ type: 'blob-link-failed', projectId, error }));
      bus = o.redisUrl ? new RedisCollabBus(o.redisUrl) : null;
      handle = attachCollab(api.httpServer, {
        authenticate: apiAuthenticate(api.services.auth),
        getRole: apiGetRole(api.db),
        storage,
        document: strataDocumentModel,
        ...(bus ? { bus } : {}),
        ...(o.limits ? { limits: o.limits } : {}),
        ...(o.checkpointQuietMs !== undefined ? { checkpointQuietMs: o.checkpointQuietMs } : {}),
        ...(o.onEvent ? { onEvent: o.onEvent } : {}),
      });
    },
    async close() {
      await handle?.close();
      await bus?.close();
      await closeStorage?.();
    },
    service: () => handle?.service ?? null,
  };
}

/**
 * A DocumentReader (services/DocumentReader.ts) that reads the live document through the collaboration service,
 * falling back to `fallback` (the latest version) until the service exists.
 */
export function liveDocumentReader(service: () => CollabService | null, fallback: DocumentReader): DocumentReader {
  return {
    async current(project): Promise<DocumentTree> {
      const s = service();
      if (!s) return fallback.current(project);
      return s.readDocument(project.id, (doc, canvas) => {
        const tree = materialize(doc);
        return tree.width > 0 ? tree : { ...tree, width: canvas.width, height: canvas.height };
      });
    },
  };
}
