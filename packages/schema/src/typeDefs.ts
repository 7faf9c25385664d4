import { readFileSync } from 'node:fs';

/** The GraphQL SDL (schema.graphql). */
export const typeDefs: string = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
