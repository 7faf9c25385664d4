// Browser-safe entry: error codes and wire types. The SDL itself is `@strata/schema/typeDefs` (reads a file).
export * from './errorCodes.js';
export * from './globalId.js';
export type * from './generated/types.js';
