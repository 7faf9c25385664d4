import type { Role } from '../models/db.js';

/** What each role may do in a project. */
export type ProjectAction = 'read' | 'edit' | 'rename' | 'delete' | 'manageMembers';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

const NEEDS: Record<ProjectAction, Role> = {
  read: 'viewer',
  edit: 'editor',
  rename: 'editor',
  delete: 'owner',
  manageMembers: 'owner',
};

export function can(role: Role, action: ProjectAction): boolean {
  return RANK[role] >= RANK[NEEDS[action]];
}
