import { describe, expect, it } from 'vitest';
import { decode, encode, messageField, stringField, stringOf, varintField, varintOf } from './protobuf.js';

describe('protobuf', () => {
  it('round-trips varints (negative int64 too), strings, nested messages and fixed-width fields', () => {
    const nested = [stringField(1, 'conv'), varintField(2, -3)];
    const fixed = { no: 4, wire: 5 as const, value: Uint8Array.of(1, 2, 3, 4) };
    const bytes = encode([varintField(1, 300), messageField(7, nested), fixed]);
    const fields = decode(bytes);
    expect(varintOf(fields, 1)).toBe(300n);
    const inner = decode(fields[1]!.value as Uint8Array);
    expect(stringOf(inner, 1)).toBe('conv');
    expect(BigInt.asIntN(64, varintOf(inner, 2)!)).toBe(-3n);
    expect(Array.from(fields[2]!.value as Uint8Array)).toEqual([1, 2, 3, 4]);
    expect(encode(fields)).toEqual(bytes);
  });

  it('rejects truncated input', () => {
    const bytes = encode([stringField(1, 'abcdef')]);
    expect(() => decode(bytes.subarray(0, 4))).toThrow(/truncated/);
  });
});
