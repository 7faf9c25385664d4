import type { Loaders } from './loaders.js';
import type { Services } from '../services/Services.js';
import type { Viewer } from '../auth/Viewer.js';

/** Per-request GraphQL context. */
export interface GraphQLContext {
  viewer: Viewer;
  loaders: Loaders;
  services: Services;
  requestId: string;
  /** set/clear the session cookie on the HTTP response */
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /** client address, for sign-in rate limits */
  ip: string;
}
