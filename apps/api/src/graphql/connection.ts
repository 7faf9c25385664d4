import { AppError } from '../errors/AppError.js';

export const MAX_PAGE_SIZE = 100;

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): Cursor | null {
  if (cursor === null || cursor === undefined) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('INVALID_INPUT', 'Invalid cursor', ['after']);
  return { createdAt, id };
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new AppError('INVALID_INPUT', `first must be between 0 and ${MAX_PAGE_SIZE}`, ['first']);
  }
  return n;
}

/** A Relay connection from `limit + 1` rows (the extra row only tells that another page exists). */
export function toConnection<T extends Cursor>(rows: readonly T[], limit: number, after: Cursor | null) {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
