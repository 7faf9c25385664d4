import { encodePng, FormatError, sha256Hex } from '@strata/formats';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '../collab/testing/until.js';
import { ChildProcessFormatRunner } from './ChildProcessFormatRunner.js';
import { MissingBlobError } from './FormatRunner.js';

const runner = new ChildProcessFormatRunner();
afterAll(() => runner.close());

describe('ChildProcessFormatRunner', () => {
  it('exports and imports in a child process, survives its crash, and reports missing blobs and importer errors', async () => {
    const png = await encodePng({ width: 2, height: 2, data: new Uint8ClampedArray(16).fill(200) });
    const sha = sha256Hex(png);
    const tree = { width: 4, height: 4, children: [{ id: 'l', name: 'L', type: 'layer' as const, kind: 'raster' as const, blob: sha,
      width: 2, height: 2, x: 1, y: 1, visible: true, locked: false, opacity: 1, blendMode: 'normal' as const }] };
    const psd = await runner.exportDocument(tree, new Map([[sha, png]]), 'psd');
    expect(psd.extension).toBe('psd');
    const pid = runner.pid;
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(process.pid);

    const back = await runner.importDocument(psd.bytes);
    expect(back.ok && back.value.tree.children.map((n) => n.name)).toEqual(['L']);
    expect(back.ok && [...back.value.blobs.values()][0]).toBeInstanceOf(Uint8Array);

    const truncated = await runner.importDocument(psd.bytes.slice(0, 40));
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.error).toBeInstanceOf(FormatError);
    expect(!truncated.ok && truncated.error.code).toBe('TRUNCATED_FILE');

    await expect(runner.exportDocument(tree, new Map(), 'png')).rejects.toBeInstanceOf(MissingBlobError);

    process.kill(pid!, 'SIGKILL');
    await until(() => runner.pid === null, 'child gone');
    const again = await runner.exportDocument(tree, new Map([[sha, png]]), 'png');
    expect(again.mimeType).toBe('image/png');
    expect(runner.pid).not.toBe(pid);
  });
});
