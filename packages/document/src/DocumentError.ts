/**
 * The registry of expected document failures. Codes are stable: the sync server maps them into close reasons and
 * the GraphQL layer into `userErrors`. `path` points at the offending field (`nodes.<id>.opacity`).
 */
export const DOCUMENT_ERROR_CODES = {
  /** a referenced node id does not exist */
  NODE_NOT_FOUND: 'a node with this id does not exist',
  /** a node id is already taken */
  DUPLICATE_ID: 'a node with this id already exists',
  /** the target parent is a layer, not a group */
  NOT_A_GROUP: 'the target parent is not a group',
  /** moving a node into itself or one of its descendants */
  CYCLE: 'a node cannot be placed inside itself or its descendants',
  /** a property has the wrong type, is out of range, too long or unknown */
  INVALID_PROPERTY: 'a property is invalid',
  /** an update tries to change a node's `type` or `kind` */
  IMMUTABLE_PROPERTY: 'type and kind of a node cannot change',
  /** an update writes outside the document schema (unknown root type, nested shared types, bad node id) */
  INVALID_STRUCTURE: 'the update does not follow the document structure',
  /** more nodes than LIMITS.maxNodes, or an update larger than allowed */
  LIMIT_EXCEEDED: 'a document limit is exceeded',
  /** the bytes are not a decodable Yjs update */
  MALFORMED_UPDATE: 'the update cannot be decoded',
} as const;

export type DocumentErrorCode = keyof typeof DOCUMENT_ERROR_CODES;

export interface DocumentError {
  code: DocumentErrorCode;
  message: string;
  /** dotted path of the offending field, when there is one */
  path?: string;
}

export function documentError(code: DocumentErrorCode, detail?: string, path?: string): DocumentError {
  const base = DOCUMENT_ERROR_CODES[code];
  const message = detail ? `${base}: ${detail}` : base;
  return path === undefined ? { code, message } : { code, message, path };
}
