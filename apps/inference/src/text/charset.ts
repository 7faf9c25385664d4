/**
 * The PP-OCR recognition alphabet: class 0 is the CTC blank, then one class per line of the keys file, then a space
 * (PaddleOCR's `use_space_char=True` convention, which the v4 model was trained with: 1 + 6623 + 1 = 6625 classes).
 */
export function parseCharset(keysText: string): string[] {
  const keys = keysText.replace(/\r/g, '').split('\n');
  if (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}
