import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { nodesMap } from './docShape.js';
import { addGroup, addLayer } from './ops/addNode.js';
import { move } from './ops/move.js';
import { remove } from './ops/remove.js';
import { setProps } from './ops/setProps.js';
import { must, newDoc, raster, sync } from './testing/factories.js';
import { UpdateValidator, validateUpdate } from './validateUpdate.js';

/** The server doc and a client replica in sync; returns the update the client's `edit` produces. */
function setup(): { server: Y.Doc; client: Y.Doc; updateOf: (edit: (client: Y.Doc) => void) => Uint8Array } {
  const server = newDoc(1);
  must(addGroup(server, { id: 'g' }));
  must(addLayer(server, raster(1, { id: 'a' })));
  const client = new Y.Doc();
  client.clientID = 2;
  sync(server, client);
  const updateOf = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    edit(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, client, updateOf };
}

const node = (doc: Y.Doc, id: string): Y.Map<unknown> => nodesMap(doc).get(id)!;

describe('validateUpdate', () => {
  it('accepts honest edits and reports what they touch, without changing the doc', () => {
    const { server, updateOf } = setup();
    const update = updateOf((c) => {
      must(setProps(c, 'a', { opacity: 0.25 }));
      must(addLayer(c, raster(2, { id: 'b' }), { parent: 'g' }));
    });
    const before = Y.encodeStateAsUpdate(server);
    expect(validateUpdate(server, update)).toEqual({ ok: true, value: { changedNodes: ['a', 'b'], metaChanged: false } });
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it('accepts damage honest concurrency produces (dangling parent)', () => {
    const { server, updateOf } = setup();
    must(remove(server, 'g'));
    const update = updateOf((c) => must(move(c, 'a', 'g')));
    expect(validateUpdate(server, update).ok).toBe(true);
  });

  it.each([
    ['opacity 7', (c: Y.Doc) => node(c, 'a').set('opacity', 7), 'INVALID_PROPERTY', 'nodes.a.opacity'],
    ['unknown kind', (c: Y.Doc) => node(c, 'a').set('kind', 'vector'), 'INVALID_PROPERTY', 'nodes.a.kind'],
    ['own parent', (c: Y.Doc) => node(c, 'g').set('at', ['g', 'a5']), 'CYCLE', 'nodes.g.at'],
    ['parent is a layer', (c: Y.Doc) => node(c, 'g').set('at', ['a', 'a5']), 'NOT_A_GROUP', 'nodes.g.at'],
    ['type change', (c: Y.Doc) => {
      const m = new Y.Map<unknown>();
      m.set('kind', 'group');
      m.set('at', [null, 'a5']);
      nodesMap(c).set('a', m);
    }, 'IMMUTABLE_PROPERTY', 'nodes.a.kind'],
    ['missing property', (c: Y.Doc) => node(c, 'a').delete('pixels'), 'INVALID_PROPERTY', 'nodes.a.pixels'],
    ['malformed tuple', (c: Y.Doc) => node(c, 'a').set('xy', [1]), 'INVALID_PROPERTY', 'nodes.a.xy'],
    ['unknown property', (c: Y.Doc) => node(c, 'a').set('evil', 1), 'INVALID_PROPERTY', 'nodes.a.evil'],
    ['long name', (c: Y.Doc) => node(c, 'a').set('name', 'x'.repeat(10_000)), 'INVALID_PROPERTY', 'nodes.a.name'],
    ['huge size', (c: Y.Doc) => node(c, 'a').set('pixels', ['0'.repeat(64), 1e9, 10]), 'INVALID_PROPERTY', 'nodes.a.pixels'],
    ['bad order key', (c: Y.Doc) => node(c, 'a').set('at', [null, 'b0']), 'INVALID_PROPERTY', 'nodes.a.at'],
    ['node not a map', (c: Y.Doc) => (nodesMap(c) as unknown as Y.Map<unknown>).set('z', 5), 'INVALID_STRUCTURE', 'nodes.z'],
    ['nested shared type', (c: Y.Doc) => node(c, 'a').set('name', new Y.Text('x')), 'INVALID_STRUCTURE', 'nodes.a.name'],
    ['binary value', (c: Y.Doc) => node(c, 'a').set('name', new Uint8Array(3)), 'INVALID_STRUCTURE', 'nodes.a.name'],
    ['bad node id', (c: Y.Doc) => nodesMap(c).set('a b', node(c, 'a').clone()), 'INVALID_STRUCTURE', undefined],
    ['unknown root type', (c: Y.Doc) => c.getArray('evil').push([1]), 'INVALID_STRUCTURE', undefined],
    ['bad canvas', (c: Y.Doc) => c.getMap('meta').set('width', -1), 'INVALID_PROPERTY', 'meta.width'],
  ])('rejects %s', (_name, edit, code, path) => {
    const { server, updateOf } = setup();
    const result = validateUpdate(server, updateOf(edit));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.path).toBe(path);
  });

  it('rejects garbage bytes and oversized updates', () => {
    const { server, updateOf } = setup();
    expect(validateUpdate(server, new Uint8Array([1, 2, 3, 250, 255, 7]))).toMatchObject({ ok: false, error: { code: 'MALFORMED_UPDATE' } });
    const update = updateOf((c) => must(setProps(c, 'a', { name: 'n' })));
    expect(validateUpdate(server, update, { maxBytes: 4 })).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
  });

  it('UpdateValidator follows the doc and recovers after a rejected update', () => {
    const { server, updateOf } = setup();
    const validator = new UpdateValidator(server);
    const bad = updateOf((c) => node(c, 'a').set('opacity', 7));
    expect(validator.validate(bad).ok).toBe(false);
    const fresh = new Y.Doc();
    sync(server, fresh);
    const good = (() => {
      const sv = Y.encodeStateVector(fresh);
      must(setProps(fresh, 'a', { opacity: 0.5 }));
      return Y.encodeStateAsUpdate(fresh, sv);
    })();
    expect(validator.validate(good).ok).toBe(true);
    Y.applyUpdate(server, good);
    expect(setProps(fresh, 'a', { opacity: 2 })).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    const bad2 = (() => {
      const sv = Y.encodeStateVector(fresh);
      node(fresh, 'a').set('opacity', -1);
      return Y.encodeStateAsUpdate(fresh, sv);
    })();
    expect(validator.validate(bad2)).toMatchObject({ ok: false, error: { path: 'nodes.a.opacity' } });
    validator.destroy();
  });
});
