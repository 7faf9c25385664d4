import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureQuery } from './measureQuery.js';

describe('measureQuery', () => {
  it('measures depth through fragments and ignores introspection', () => {
    const doc = parse('query Q { me { ...F } __schema { types { fields { type { ofType { name } } } } } } fragment F on User { id name }');
    expect(measureQuery(doc, 'Q').depth).toBe(2);
  });
  it('multiplies by first (literal or variable) and by list estimates', () => {
    const q = parse('query($n: Int) { projects(first: $n) { nodes { id members { id } } } }');
    const small = measureQuery(q, undefined, { n: 1 }).cost;
    const big = measureQuery(q, undefined, { n: 100 }).cost;
    expect(big).toBeGreaterThan(small * 50);
    // projects: 1 + 100 × (nodes: 1 + 10 × (id 1 + members (1 + 10 × 1)))
    expect(big).toBe(1 + 100 * (1 + 10 * (1 + 1 + 10)));
  });
  it('picks the named operation', () => {
    const doc = parse('query A { me { id } } query B { me { id name } }');
    expect(measureQuery(doc, 'B').cost).toBe(3);
  });
});
