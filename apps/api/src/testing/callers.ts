import type { Db, User } from '../models/db.js';
import { makeToken, makeUser } from './factories.js';
import { TestClient } from './TestClient.js';

/** The five kinds of caller every permission test checks. */
export type Who = 'anonymous' | 'nonMember' | 'viewer' | 'editor' | 'owner';
export const WHO: Who[] = ['anonymous', 'nonMember', 'viewer', 'editor', 'owner'];

/**
 * Four fresh users (owner, editor, viewer, stranger), a token each, and a client per kind of caller. Membership is
 * the test's business: give `users.editor` and `users.viewer` their roles on the project under test.
 */
export async function makeCallers(db: Db, url: string) {
  const [owner, editor, viewer, stranger] = await Promise.all(['Owner', 'Editor', 'Viewer', 'Stranger'].map((n) => makeUser(db, n)));
  const users: Record<'owner' | 'editor' | 'viewer' | 'stranger', User> = { owner: owner!, editor: editor!, viewer: viewer!, stranger: stranger! };
  const tokens = {
    owner: await makeToken(db, users.owner), editor: await makeToken(db, users.editor), viewer: await makeToken(db, users.viewer),
    nonMember: await makeToken(db, users.stranger),
  };
  const clients: Record<Who, TestClient> = {
    anonymous: new TestClient(url),
    nonMember: new TestClient(url).withToken(tokens.nonMember),
    viewer: new TestClient(url).withToken(tokens.viewer),
    editor: new TestClient(url).withToken(tokens.editor),
    owner: new TestClient(url).withToken(tokens.owner),
  };
  return { users, tokens, clients };
}
