const FULL_WIDTH: Record<string, string> = {
  '，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')', '【': '[', '】': ']',
  '“': '"', '”': '"', '‘': "'", '’': "'", '％': '%', '＋': '+', '－': '-', '＝': '=', '／': '/', '＆': '&',
  '＃': '#', '＄': '$', '＠': '@', '　': ' ', '—': '-', '《': '<', '》': '>', '、': ',', '～': '~',
};

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * The Chinese+English PP-OCR alphabet emits full-width punctuation after Latin letters as often as the ASCII
 * forms. In a line without CJK characters, map them to ASCII, squeeze runs of spaces, drop spaces before , . ; ) %
 * and after (, and trim.
 */
export function normalizeLatin(text: string): string {
  let out = text;
  if (!CJK.test(out)) out = Array.from(out, (ch) => FULL_WIDTH[ch] ?? fullWidthAscii(ch)).join('');
  out = out.replace(/ {2,}/g, ' ').trim();
  // the recogniser sometimes reads a space before a comma or point and after an opening bracket
  return CJK.test(out) ? out : out.replace(/ ([,.;)%])/g, '$1').replace(/\( /g, '(');
}

/** U+FF01..U+FF5E are full-width forms of ASCII 0x21..0x7E. */
function fullWidthAscii(ch: string): string {
  const c = ch.codePointAt(0)!;
  return c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
}
