import { exportOra, exportPsd } from '@strata/formats';
import { describe, expect, it } from 'vitest';
import { sniffDocumentFile } from './documentFileHeader.js';

const empty = { width: 4, height: 3, children: [] };
const noBlobs = () => Promise.reject(new Error('no blobs'));

describe('sniffDocumentFile', () => {
  it('recognises our own PSD and OpenRaster exports', async () => {
    expect(sniffDocumentFile(await exportPsd(empty, noBlobs))?.format).toBe('psd');
    expect(sniffDocumentFile(await exportOra(empty, noBlobs))?.format).toBe('ora');
  });

  it('refuses PSB, short headers, plain ZIPs and other bytes', () => {
    const psb = new Uint8Array(26);
    psb.set([0x38, 0x42, 0x50, 0x53, 0, 2]);
    expect(sniffDocumentFile(psb)).toBeNull();
    expect(sniffDocumentFile(new Uint8Array([0x38, 0x42, 0x50, 0x53, 0, 1]))).toBeNull();
    const zip = new Uint8Array(64);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    expect(sniffDocumentFile(zip)).toBeNull();
    expect(sniffDocumentFile(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
