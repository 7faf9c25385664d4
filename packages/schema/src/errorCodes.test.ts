import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errorCodes.js';

describe('error code registry', () => {
  it('lists exactly the codes of the GraphQL ErrorCode enum', () => {
    const sdl = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
    const body = /enum ErrorCode \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    const inSchema = body.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
    expect(inSchema.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});
