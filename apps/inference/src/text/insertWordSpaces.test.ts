import { describe, expect, it } from 'vitest';
import { insertWordSpaces, joinPieces } from './insertWordSpaces.js';

/** A 1-row matte at x = 100.. with ink in the given column ranges. */
function strip(width: number, inks: Array<[number, number]>) {
  const data = new Float32Array(width);
  for (const [a, b] of inks) for (let x = a; x < b; x++) data[x] = 1;
  return { alpha: { width, height: 1, data }, box: { x: 100, y: 0, width, height: 1 } };
}

describe('insertWordSpaces', () => {
  it('adds a space at a wide ink gap between two characters', () => {
    // "ab" (letters 0-8, 10-18), gap 18-30, "cd" (30-38, 40-48); font size 40 -> min gap 8 px
    const { alpha, box } = strip(48, [[0, 8], [10, 18], [30, 38], [40, 48]]);
    expect(insertWordSpaces('abcd', [104, 114, 134, 144], alpha, box, 40)).toBe('ab cd');
  });
  it('leaves letter gaps, existing spaces and CJK alone', () => {
    const { alpha, box } = strip(48, [[0, 8], [10, 18], [30, 38], [40, 48]]);
    expect(insertWordSpaces('ab cd', [104, 114, 120, 134, 144], alpha, box, 40)).toBe('ab cd');
    expect(insertWordSpaces('你好世界', [104, 114, 134, 144], alpha, box, 40)).toBe('你好世界');
    // evenly tracked letters: every gap equal, none is a word gap
    const even = strip(48, [[0, 6], [14, 20], [28, 34], [42, 48]]);
    expect(insertWordSpaces('abcd', [103, 117, 131, 145], even.alpha, even.box, 20)).toBe('abcd');
  });
});

describe('insertWordSpaces punctuation', () => {
  it('never spaces inside "strata.dev" or after "$", but does after a comma', () => {
    // four marks with letter gaps of 2 px, then a 12 px gap before the last one
    const { alpha, box } = strip(42, [[0, 8], [10, 18], [20, 22], [34, 42]]);
    const xs = [104, 114, 121, 138];
    expect(insertWordSpaces('ab.c', xs, alpha, box, 20)).toBe('ab.c');
    expect(insertWordSpaces('ab$c', xs, alpha, box, 20)).toBe('ab$c');
    expect(insertWordSpaces('ab,c', xs, alpha, box, 20)).toBe('ab, c');
  });
});

describe('joinPieces', () => {
  it('joins words with a space but not before punctuation or inside numbers', () => {
    expect(joinPieces(['Save', 'the', 'Date'])).toBe('Save the Date');
    expect(joinPieces(['Price: $1', ',299.00'])).toBe('Price: $1,299.00');
    expect(joinPieces(['$1,', '299'])).toBe('$1,299');
    expect(joinPieces(['Hello,', 'World'])).toBe('Hello, World');
  });
});
