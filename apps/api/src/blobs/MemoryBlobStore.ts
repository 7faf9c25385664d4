import type { BlobStore } from './BlobStore.js';

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Uint8Array>();

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    if (!this.blobs.has(sha256)) this.blobs.set(sha256, Uint8Array.from(bytes));
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    return this.blobs.get(sha256) ?? null;
  }

  async has(sha256: string): Promise<boolean> {
    return this.blobs.has(sha256);
  }
}
