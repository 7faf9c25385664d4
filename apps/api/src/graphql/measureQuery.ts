/**
 * Depth and estimated cost of an operation, computed before execution (pure). Cost: every field costs 1, times the
 * size of the lists around it: `first` (or its default 20) for connections, `LIST_ESTIMATE` for other list fields.
 * Introspection fields are free (clients and tools need them; introspection is on).
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode,
  type SelectionSetNode, type ValueNode } from 'graphql';

export const LIST_ESTIMATE = 10;
const CONNECTION_DEFAULT = 20;
/** list fields whose size is not set by `first` */
const LIST_FIELDS = new Set(['members', 'apiTokens', 'authors', 'nodes', 'edges']);

export interface QueryMeasure {
  depth: number;
  cost: number;
}

function argNumber(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

export function measureQuery(document: DocumentNode, operationName: string | null | undefined,
  variables: Record<string, unknown> = {}): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!op) return { depth: 0, cost: 0 };

  const walk = (set: SelectionSetNode, depth: number, visiting: Set<string>): QueryMeasure => {
    let maxDepth = depth;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name.startsWith('__')) continue;
        let child = { depth: depth + 1, cost: 0 };
        if (sel.selectionSet) child = walk(sel.selectionSet, depth + 1, visiting);
        const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
        const hasFirst = firstArg !== undefined || name === 'projects' || name === 'versions';
        const size = hasFirst ? Math.max(1, argNumber(firstArg?.value, variables) ?? CONNECTION_DEFAULT)
          : LIST_FIELDS.has(name) ? LIST_ESTIMATE : 1;
        cost += 1 + size * child.cost;
        maxDepth = Math.max(maxDepth, child.depth);
      } else {
        let inner: SelectionSetNode | undefined;
        let key = '';
        if (sel.kind === Kind.INLINE_FRAGMENT) inner = sel.selectionSet;
        else {
          key = sel.name.value;
          if (visiting.has(key)) continue; // fragment cycles are a validation error anyway
          inner = fragments.get(key)?.selectionSet;
        }
        if (!inner) continue;
        if (key) visiting.add(key);
        const m = walk(inner, depth, visiting);
        if (key) visiting.delete(key);
        cost += m.cost;
        maxDepth = Math.max(maxDepth, m.depth);
      }
    }
    return { depth: maxDepth, cost };
  };
  return walk(op.selectionSet, 0, new Set());
}
