import { describe, expect, it } from 'vitest';
import { normalizeLatin } from './normalizeLatin.js';

describe('normalizeLatin', () => {
  it('maps full-width punctuation to ASCII in Latin lines and squeezes spaces', () => {
    expect(normalizeLatin(' Hello，  world！（50％） ')).toBe('Hello, world!(50%)');
    expect(normalizeLatin('Bａｋery')).toBe('Bakery');
    expect(normalizeLatin('Price: $1 ,299.00 ( net )')).toBe('Price: $1,299.00 (net)');
  });
  it('leaves lines with CJK characters alone', () => {
    expect(normalizeLatin('你好，世界')).toBe('你好，世界');
  });
});
