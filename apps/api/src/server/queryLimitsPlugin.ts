import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@strata/schema';
import { measureQuery } from '../graphql/measureQuery.js';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 50_000 };

/** Refuses operations past the depth or cost limit before anything executes. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const { depth, cost } = measureQuery(document, request.operationName, request.variables ?? {});
          if (depth > limits.maxDepth) {
            throw new GraphQLError(`${ERROR_CODES.QUERY_TOO_DEEP.message}: depth ${depth} > ${limits.maxDepth}`,
              { extensions: { code: 'QUERY_TOO_DEEP', http: { status: 400 } } });
          }
          if (cost > limits.maxCost) {
            throw new GraphQLError(`${ERROR_CODES.QUERY_TOO_COMPLEX.message}: cost ${cost} > ${limits.maxCost}`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
