import { fromGlobalId, type NodeTypeName } from '@strata/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The local id behind a global id of the expected type (a bare UUID is accepted too); null when it is not one. */
export function localId(globalId: string, type: NodeTypeName): string | null {
  const g = fromGlobalId(globalId);
  if (g) return g.type === type && UUID.test(g.id) ? g.id : null;
  return UUID.test(globalId) ? globalId : null;
}
