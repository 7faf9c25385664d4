import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed blob files in the API's layout (apps/api FsBlobStore): `<root>/ab/cd/abcd…`, written to a
 * temporary name and renamed, so readers never see a partial file.
 */
export class BlobDir {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new RangeError('not a sha256 hex digest');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(sha256);
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (exists) return sha256;
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return sha256;
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch {
      return undefined;
    }
  }
}
