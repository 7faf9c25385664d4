import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { exportZip } from '../exportZip.js';
import { importOra } from '../importOra.js';
import { importPsd } from '../importPsd.js';
import { shape } from '../testing/compareTrees.js';
import { MemoryBlobs } from '../testing/MemoryBlobs.js';
import { fixtureDocument } from '../testing/documentFixture.js';

const cli = join(import.meta.dirname, 'export.ts');
const tsx = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');

describe('export CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a decompose-style manifest directory (our ZIP export unpacked) into a PSD', async () => {
    const blobs = new MemoryBlobs();
    const zip = unzipSync(await exportZip(await fixtureDocument(blobs), blobs.read));
    for (const [name, bytes] of Object.entries(zip)) writeFileSync(join(dir, name), bytes);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // the ZIP leaves hidden layers out and flattens groups
    expect(manifest.layers.map((l: { name: string }) => l.name)).toEqual(['Background', 'Red disc', 'Blue disc', 'Yellow box', 'Off the edge', 'Hello Strata']);
    expect(manifest.layers[5]).toMatchObject({ kind: 'text', text: { content: 'Hello Strata', fontSize: 20, color: [16, 32, 48] }, x: 20, y: 180, width: 200, height: 40 });

    const out = join(dir, 'out.psd');
    const stdout = execFileSync(tsx, [cli, dir, '--format', 'psd', '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/out\.psd: psd, \d+ bytes, 320x240/);
    const back = await importPsd(new Uint8Array(readFileSync(out)));
    if (!back.ok) throw back.error;
    const layers = back.value.tree.children;
    expect(layers.map((l) => l.name)).toEqual(manifest.layers.map((l: { name: string }) => l.name));
    const text = layers[5];
    expect(text?.type === 'layer' && text.kind === 'text' && text.text).toEqual({ content: 'Hello Strata', fontFamily: 'DejaVu Sans', fontSize: 20, color: '#102030', align: 'left' });
  });

  it('exports a project dump (tree.json + blobs/<sha>) to ORA', async () => {
    const blobs = new MemoryBlobs();
    const tree = await fixtureDocument(blobs);
    const project = join(dir, 'project');
    mkdirSync(join(project, 'blobs'), { recursive: true });
    writeFileSync(join(project, 'tree.json'), JSON.stringify(tree));
    for (const [sha, bytes] of blobs.bytes) writeFileSync(join(project, 'blobs', sha), bytes);
    const out = join(dir, 'project.ora');
    execFileSync(tsx, [cli, project, '--out', out], { encoding: 'utf8' });
    const back = await importOra(new Uint8Array(readFileSync(out)));
    if (!back.ok) throw back.error;
    expect(shape(back.value.tree.children)).toEqual(shape(tree.children));
  });

  it('fails with one line and a non-zero exit on bad input', () => {
    const r = spawnSync(tsx, [cli, join(dir, 'nope'), '--format', 'psd'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^export: .*nope does not exist$/);
    const bad = spawnSync(tsx, [cli, dir, '--format', 'gif'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/usage: npm run export/);
  });
});
