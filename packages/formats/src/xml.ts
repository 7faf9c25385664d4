/** A minimal XML reader for stack.xml: elements with attributes and children; text, comments and PIs ignored. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const attr = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(source))) {
    const [, close, open, attrs, selfClose] = m;
    if (close) {
      const top = stack.pop();
      if (!top || top.name !== close || stack.length === 0) throw new XmlSyntaxError(`unexpected </${close}>`);
    } else if (open) {
      const el: XmlElement = { name: open, attributes: {}, children: [] };
      let a: RegExpExecArray | null;
      attr.lastIndex = 0;
      while ((a = attr.exec(attrs ?? ''))) el.attributes[a[1] ?? ''] = decodeEntities(a[2] ?? a[3] ?? '');
      stack[stack.length - 1]?.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new XmlSyntaxError(`unclosed <${stack[stack.length - 1]?.name}>`);
  const first = root.children[0];
  if (!first) throw new XmlSyntaxError('no root element');
  return first;
}
