/**
 * Content-addressed, immutable byte storage keyed by lower-case hex sha256. The filesystem store is the default;
 * an S3-compatible store implements the same three methods.
 */
export interface BlobStore {
  /** Stores the bytes under their hash (idempotent). The caller has computed `sha256` from `bytes`. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
