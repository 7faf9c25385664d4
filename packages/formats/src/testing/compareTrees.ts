import { expect } from 'vitest';
import type { BlobReader, DocNode, DocumentTree } from '@strata/document';
import { decodePng } from '../png.js';

/** The tree without ids and blob hashes, opacity rounded to PSD's 1/255 steps: what a round trip must keep. */
export function shape(nodes: DocNode[]): unknown[] {
  return nodes.map((n) => {
    const common = { type: n.type, name: n.name, visible: n.visible, locked: n.locked, opacity: Math.round(n.opacity * 255), blendMode: n.blendMode };
    if (n.type === 'group') return { ...common, expanded: n.expanded, children: shape(n.children) };
    return { ...common, kind: n.kind, x: n.x, y: n.y, width: n.width, height: n.height, ...(n.kind === 'text' ? { text: n.text } : {}) };
  });
}

/** Asserts same shape and byte-identical RGBA pixels for every layer. */
export async function expectSameDocument(actual: DocumentTree, readActual: BlobReader, expected: DocumentTree, readExpected: BlobReader): Promise<void> {
  expect({ width: actual.width, height: actual.height }).toEqual({ width: expected.width, height: expected.height });
  expect(shape(actual.children)).toEqual(shape(expected.children));
  const a = layers(actual.children); const e = layers(expected.children);
  for (let i = 0; i < e.length; i++) {
    const pa = await decodePng(await readActual(a[i]!.blob));
    const pe = await decodePng(await readExpected(e[i]!.blob));
    expect(Buffer.compare(Buffer.from(pa.data), Buffer.from(pe.data)), `pixels of ${e[i]!.name}`).toBe(0);
  }
}

function layers(nodes: DocNode[]): Extract<DocNode, { type: 'layer' }>[] {
  return nodes.flatMap((n) => (n.type === 'group' ? layers(n.children) : [n]));
}
