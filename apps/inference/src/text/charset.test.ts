import { describe, expect, it } from 'vitest';
import { parseCharset } from './charset.js';

describe('parseCharset', () => {
  it('puts the CTC blank first and the space last', () => {
    expect(parseCharset('a\nb\nc')).toEqual(['', 'a', 'b', 'c', ' ']);
  });
  it('ignores a trailing newline and CRLF', () => {
    expect(parseCharset('a\r\nb\r\n')).toEqual(['', 'a', 'b', ' ']);
  });
});
