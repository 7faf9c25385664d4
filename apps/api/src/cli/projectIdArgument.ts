import { existsSync } from 'node:fs';
import { fromGlobalId } from '@strata/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The project's UUID when the `npm run export` argument names a project (UUID or global id) rather than a file. */
export function projectIdArgument(arg: string | undefined): string | null {
  if (!arg || existsSync(arg)) return null;
  if (UUID.test(arg)) return arg.toLowerCase();
  const g = fromGlobalId(arg);
  return g?.type === 'Project' && UUID.test(g.id) ? g.id : null;
}
