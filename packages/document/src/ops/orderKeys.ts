import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { writeFields } from '../docShape.js';
import type { Structure } from '../structure.js';

/**
 * For a sibling list sorted by (order, id): new keys for every run of equal keys. The first of a run keeps its
 * key; the others get keys between it and the next distinct key. Deterministic, so replicas that repair the same
 * state write the same values.
 */
export function dedupeOrderKeys(sorted: readonly { id: string; order: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.order === sorted[i]!.order) j += 1;
    if (j - i > 1) {
      const next = sorted[j]?.order ?? null;
      const keys = generateNKeysBetween(sorted[i]!.order, next, j - i - 1);
      for (let k = i + 1; k < j; k += 1) out.set(sorted[k]!.id, keys[k - i - 1]!);
    }
    i = j;
  }
  return out;
}

/**
 * The order key that puts a node at `index` among the children of `parent` (excluding `exclude`, the node being
 * moved). If the neighbours share a key, the sibling list is first re-keyed in the doc (the same writes repair()
 * would do). Call inside a transaction.
 */
export function orderKeyAt(doc: Y.Doc, structure: Structure, parent: string | null, index: number | undefined, exclude?: string): string {
  const siblings = (structure.childrenOf.get(parent) ?? []).filter((id) => id !== exclude);
  const entries = siblings.map((id) => ({ id, order: structure.records.get(id)!.order }));
  const fixes = dedupeOrderKeys(entries);
  for (const [id, order] of fixes) {
    writeFields(doc, id, { order });
    const entry = entries.find((e) => e.id === id)!;
    entry.order = order;
  }
  const at = Math.max(0, Math.min(index ?? entries.length, entries.length));
  return generateKeyBetween(entries[at - 1]?.order ?? null, entries[at]?.order ?? null);
}

/** n fresh distinct keys for a new list of siblings (bottom to top). */
export const freshKeys = (n: number): string[] => generateNKeysBetween(null, null, n);
