import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, isErrorCode } from '@strata/schema';
import { AppError } from './AppError.js';

/** Apollo's own codes that we pass through unchanged (they describe the client's request, not our internals). */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

export interface FormatErrorDeps {
  /** the current request's id (AsyncLocalStorage) */
  requestId(): string | undefined;
  log(error: unknown, requestId: string | undefined): void;
}

/**
 * The one mapping from thrown errors to GraphQL errors: AppError → its registry code and safe message; Apollo's
 * request errors keep their code; everything else becomes INTERNAL_SERVER_ERROR with the request id, logged, and
 * its message never leaves the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, deps: FormatErrorDeps):
  GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path,
      extensions: { code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (CLIENT_CODES.has(code) || (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR'))) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path,
      extensions: { code: code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED' ||
        code === 'OPERATION_RESOLUTION_FAILURE' ? 'BAD_REQUEST' : code } };
  }
  const requestId = deps.requestId();
  deps.log(original, requestId);
  return { message: ERROR_CODES.INTERNAL_SERVER_ERROR.message, path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}
