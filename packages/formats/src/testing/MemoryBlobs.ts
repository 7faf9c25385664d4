import type { BlobReader, RgbaImage } from '@strata/document';
import { encodePng, sha256Hex } from '../png.js';

/** An in-memory content-addressed blob store for tests and benchmarks. */
export class MemoryBlobs {
  readonly bytes = new Map<string, Uint8Array>();

  readonly read: BlobReader = async (sha) => {
    const b = this.bytes.get(sha);
    if (!b) throw new Error(`no blob ${sha}`);
    return b;
  };

  put(png: Uint8Array): string {
    const sha = sha256Hex(png);
    this.bytes.set(sha, png);
    return sha;
  }

  async putImage(img: RgbaImage): Promise<string> {
    return this.put(await encodePng(img, 1));
  }
}
