import { describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from './globalId.js';

describe('global ids', () => {
  it('round-trips', () => {
    const id = toGlobalId('Project', '0b7c5c1e-2f0e-4a53-9a53-2a1f7c9e0d11');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Project', id: '0b7c5c1e-2f0e-4a53-9a53-2a1f7c9e0d11' });
  });
  it('rejects garbage and unknown types', () => {
    expect(fromGlobalId('not base64!')).toBeNull();
    expect(fromGlobalId(toGlobalId('Project', 'x').slice(0, 3))).toBeNull();
    expect(fromGlobalId(btoa('Secret:1'))).toBeNull();
    expect(fromGlobalId('')).toBeNull();
  });
});
