import type { User } from '../models/db.js';

/** Who is making a request. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: User; via: 'session'; sessionId: string }
  | { kind: 'user'; user: User; via: 'token'; tokenId: string };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>;
