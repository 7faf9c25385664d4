/**
 * Memory of open layer documents (issue 4 target: < 200 KB per open 50-layer document).
 * Run: npm run bench:document   (node --expose-gc; ~10 s)
 * Builds a 50-layer document (5 groups x 10 raster layers, UUID ids, sha256 blobs), optionally with an edit
 * history, then opens it N times the way the sync server does (a fresh Y.Doc + applyUpdate of the stored state)
 * and reports the heap per open document and the encoded state size.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { addGroup, addLayer, materialize, move, setCanvasSize, setProps, UpdateValidator } from '@strata/document';

const OPEN = Number(process.env['OPEN_DOCS'] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

function build(edits: number): Uint8Array {
  const doc = new Y.Doc();
  const ctx = { origin: 'bench', newId: () => randomUUID() };
  ok(setCanvasSize(doc, { width: 2048, height: 2048 }, ctx));
  const layers: string[] = [];
  for (let g = 0; g < 5; g += 1) {
    const group = ok(addGroup(doc, { name: `Group ${g + 1}` }, {}, ctx));
    for (let l = 0; l < 10; l += 1) {
      layers.push(ok(addLayer(doc, { kind: 'raster', name: `Layer ${g * 10 + l + 1}`, blob: sha(`${g}/${l}`), width: 512, height: 512, x: l * 10, y: g * 10 }, { parent: group }, ctx)));
    }
  }
  for (let i = 0; i < edits; i += 1) {
    const id = layers[i % layers.length]!;
    if (i % 10 === 9) ok(move(doc, id, null, i % 7, ctx));
    else ok(setProps(doc, id, { x: i % 1000, y: (i * 7) % 1000, opacity: (i % 100) / 100 }, ctx));
  }
  if (materialize(doc).children.length === 0) throw new Error('empty document');
  return Y.encodeStateAsUpdate(doc);
}

function heapPerDoc(state: Uint8Array, withValidator: boolean): number {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const open: unknown[] = [];
  for (let i = 0; i < OPEN; i += 1) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    materialize(doc); // what a server does on load (and it fills the record cache)
    const validator = withValidator ? new UpdateValidator(doc) : null;
    validator?.validate(new Uint8Array([0, 0])); // builds the scratch replica
    open.push(doc, validator);
  }
  gc!();
  const after = process.memoryUsage().heapUsed;
  if (open.length !== OPEN * 2) throw new Error('unreachable');
  return (after - before) / OPEN;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const rows: string[] = [];
for (const edits of [0, 2000]) {
  const state = build(edits);
  const plain = heapPerDoc(state, false);
  const validated = heapPerDoc(state, true);
  rows.push(`| 50 layers + 5 groups, ${edits} edits of history | ${kb(state.byteLength)} | ${kb(plain)} | ${kb(validated)} |`);
}
console.log(`open documents: ${OPEN}, node ${process.version}`);
console.log('| document | encoded state | heap per open doc | heap with UpdateValidator scratch |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
