import * as Y from 'yjs';
import { seededDocUpdate } from '/work/main/apps/api/src/collab/testing/roomHarness.js';
import { Awareness } from 'y-protocols/awareness';
const seed = seededDocUpdate(50);
const gc = (globalThis as any).gc;
gc(); const b = process.memoryUsage().heapUsed;
const docs: any[] = [];
for (let i = 0; i < 500; i++) { const d = new Y.Doc(); Y.applyUpdate(d, seed); docs.push(d); }
gc(); const a = process.memoryUsage().heapUsed;
console.log('Y.Doc 50 layers KB', (a - b) / 500 / 1024);
const aw: any[] = [];
for (const d of docs) { const x = new Awareness(d); x.setLocalState(null); aw.push(x); }
gc(); console.log('awareness KB', (process.memoryUsage().heapUsed - a) / 500 / 1024);
const d = docs[0]; let items = 0; d.store.clients.forEach((s: any[]) => items += s.length); console.log('structs', items);
