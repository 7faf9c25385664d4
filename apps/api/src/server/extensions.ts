import type { StartApiServerOptions } from './startApiServer.js';

/**
 * Wiring other parts of the API add to the server `npm start` runs (e.g. the collaboration websocket on
 * `api.httpServer`, or a DocumentReader on the live doc). Each runs before the server listens.
 */
export const serverExtensions: NonNullable<StartApiServerOptions['configure']>[] = [];
