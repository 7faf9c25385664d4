export * from './types.js';
export * from './composite/index.js';
