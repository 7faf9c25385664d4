/** The child process of ChildProcessFormatRunner: runs export/import requests one at a time. */
import { ExportError } from '@strata/formats';
import { inProcessFormatRunner, MissingBlobError } from './FormatRunner.js';
import type { FormatRequest, FormatResponse } from './formatProtocol.js';

async function handle(req: FormatRequest): Promise<FormatResponse> {
  try {
    switch (req.type) {
      case 'export':
        return { id: req.id, ok: true, value: await inProcessFormatRunner.exportDocument(req.tree, req.blobs, req.format) };
      case 'import': {
        const r = await inProcessFormatRunner.importDocument(req.bytes);
        return { id: req.id, ok: true, value: r.ok ? r : { ok: false, code: r.error.code, message: r.error.message } };
      }
      default: {
        const never: never = req;
        throw new RangeError(`unknown request ${JSON.stringify(never)}`);
      }
    }
  } catch (e) {
    const kind = e instanceof MissingBlobError || e instanceof ExportError ? 'missing-blob' : 'internal';
    return { id: req.id, ok: false, kind, message: e instanceof Error ? e.message : String(e) };
  }
}

let queue = Promise.resolve();
process.on('message', (req: FormatRequest) => {
  queue = queue.then(async () => {
    process.send!(await handle(req));
  });
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
