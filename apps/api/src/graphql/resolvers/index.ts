import type { Resolvers } from '../generated/resolvers.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { typeResolvers } from './types.js';

export const resolvers: Resolvers = { ...typeResolvers, Query, Mutation };
