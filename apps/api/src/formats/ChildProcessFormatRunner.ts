import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DocumentTree } from '@strata/document';
import { FormatError, type ExportedFile, type ExportFormat, type ImportedDocument, type Result } from '@strata/formats';
import { MissingBlobError, type FormatRunner } from './FormatRunner.js';
import type { FormatRequest, FormatResponse, ImportOutcome } from './formatProtocol.js';

type Pending = { resolve: (r: FormatResponse) => void; reject: (e: Error) => void };

/**
 * Runs exports and imports in one long-lived child process (started on first use with the tsx loader, restarted
 * after a crash), one request at a time there, so the API's event loop stays free and the formats' peak memory
 * (hundreds of MB for a large PSD) lives outside the API process.
 */
export class ChildProcessFormatRunner implements FormatRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<ChildProcess> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  async exportDocument(tree: DocumentTree, blobs: ReadonlyMap<string, Uint8Array>, format: ExportFormat): Promise<ExportedFile> {
    const r = await this.request({ id: 0, type: 'export', tree, blobs: new Map(blobs), format });
    return r as ExportedFile;
  }

  async importDocument(bytes: Uint8Array): Promise<Result<ImportedDocument>> {
    const r = (await this.request({ id: 0, type: 'import', bytes })) as ImportOutcome;
    return r.ok ? r : { ok: false, error: new FormatError(r.code, r.message) };
  }

  /** the child's pid while it runs (tests) */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.child = null;
    this.ready = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  }

  private async request(req: FormatRequest): Promise<ExportedFile | ImportOutcome> {
    if (this.closed) throw new Error('format runner closed');
    const child = await this.start();
    const id = this.nextId++;
    // an idle child never keeps the process alive; a pending request does
    child.channel?.ref();
    const response = await new Promise<FormatResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ ...req, id }, (e) => {
        if (e) {
          this.pending.delete(id);
          reject(e);
        }
      });
    }).finally(() => {
      if (this.pending.size === 0) child.channel?.unref();
    });
    if (response.ok) return response.value;
    if (response.kind === 'missing-blob') throw new MissingBlobError(response.message);
    throw new FormatChildError(response.message);
  }

  private start(): Promise<ChildProcess> {
    this.ready ??= new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(path.join(import.meta.dirname, 'formatChild.ts'), [], {
        execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      this.child = child;
      child.once('message', () => resolve(child)); // { ready: true }
      child.on('message', (m: FormatResponse | { ready: true }) => {
        if (!('id' in m)) return;
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        p?.resolve(m);
      });
      child.once('exit', (code, signal) => {
        const error = new FormatChildError(`format process exited (${signal ?? code})`);
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
        if (this.child === child) {
          this.child = null;
          this.ready = null; // the next request starts a new one
        }
      });
      child.unref();
      child.channel?.unref();
    });
    return this.ready;
  }
}

export class FormatChildError extends Error {
  override name = 'FormatChildError';
}
