/**
 * The one registry of user-facing error codes (the GraphQL `ErrorCode` enum lists the same codes; a test checks it).
 * `status` is the HTTP status used when the error fails a whole request (REST endpoints, request-level GraphQL errors).
 */
export const ERROR_CODES = {
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Something went wrong on our side' },
  GRAPHQL_PARSE_FAILED: { status: 400, message: 'The query could not be parsed' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, message: 'The query is not valid for this schema' },
  BAD_USER_INPUT: { status: 400, message: 'A variable or argument has the wrong type' },
  BAD_REQUEST: { status: 400, message: 'Malformed request' },
  QUERY_TOO_DEEP: { status: 400, message: 'The query is nested too deeply' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'The query would cost too much' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in or send a valid access token' },
  INVALID_TOKEN: { status: 401, message: 'The access token is not valid' },
  TOKEN_EXPIRED: { status: 401, message: 'The access token has expired' },
  TOKEN_REVOKED: { status: 401, message: 'The access token has been revoked' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  INVALID_INPUT: { status: 400, message: 'Invalid input' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong email or password' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; try again later' },
  USER_NOT_FOUND: { status: 404, message: 'No user has this email' },
  ALREADY_MEMBER: { status: 409, message: 'This user is already a member' },
  LAST_OWNER: { status: 409, message: 'A project needs at least one owner' },
  BLOB_NOT_FOUND: { status: 404, message: 'No such image' },
  EMPTY_BODY: { status: 400, message: 'The request body is empty' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The upload is too large' },
  IMAGE_TOO_LARGE: { status: 413, message: 'The image has too many pixels' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Only PNG, JPEG and WebP images, and PSD or OpenRaster files for import, are accepted' },
  CORRUPT_IMAGE: { status: 422, message: 'The image could not be decoded' },
  COLLAB_UNAVAILABLE: { status: 503, message: 'The live document service is not running' },
  EXPORT_FAILED: { status: 422, message: 'The document could not be exported' },
  TRUNCATED_FILE: { status: 422, message: 'The file is truncated' },
  INVALID_FILE: { status: 422, message: 'The file is not a valid PSD or OpenRaster document' },
  UNSUPPORTED_FORMAT: { status: 415, message: 'Only PSD and OpenRaster files can be imported' },
  UNSUPPORTED_COLOR_MODE: { status: 422, message: 'Only RGB and grayscale documents can be imported' },
  UNSUPPORTED_BIT_DEPTH: { status: 422, message: 'Only 8-bit documents can be imported' },
  TOO_MANY_LAYERS: { status: 413, message: 'The document has too many layers' },
  CANVAS_TOO_LARGE: { status: 413, message: 'The canvas is too large' },
  TOO_MUCH_PIXEL_DATA: { status: 413, message: 'The document has too much pixel data' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCodeName = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCodeName {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
