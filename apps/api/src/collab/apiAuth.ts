import type { IncomingMessage } from 'node:http';
import { credentialsFrom } from '../auth/credentials.js';
import type { Db } from '../models/db.js';
import * as memberships from '../models/memberships.js';
import type { AuthService } from '../services/AuthService.js';
import type { CollabUser, Role } from './types.js';

/** The API's own request authentication (Bearer token or session cookie) as attachCollab's `authenticate`. */
export function apiAuthenticate(auth: AuthService): (req: IncomingMessage) => Promise<CollabUser | null> {
  return async (req) => {
    try {
      const viewer = await auth.authenticate(credentialsFrom(req.headers));
      return viewer.kind === 'user' ? { id: viewer.user.id, name: viewer.user.name } : null;
    } catch {
      return null; // malformed, unknown, revoked or expired token: the socket is closed with 4401
    }
  };
}

/** A user's role in a project from the Membership table (null = not a member). */
export function apiGetRole(db: Db): (projectId: string, userId: string) => Promise<Role | null> {
  return async (projectId, userId) => (await memberships.findMemberships(db, [{ projectId, userId }]))[0]?.role ?? null;
}
