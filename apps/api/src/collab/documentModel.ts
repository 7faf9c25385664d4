import { UpdateValidator, materialize, setCanvasSize } from '@strata/document';
import type { DocumentModel } from './types.js';

/** The real document rules from packages/document: schema validation of every update, materialize for versions. */
export const strataDocumentModel: DocumentModel = {
  createValidator(doc) {
    const v = new UpdateValidator(doc);
    return {
      validate(update) {
        const r = v.validate(update);
        return r.ok ? { ok: true } : { ok: false, error: { code: r.error.code, message: r.error.message } };
      },
      release: () => v.reset(),
      destroy: () => v.destroy(),
    };
  },
  materialize: (doc) => materialize(doc),
  initialize: (doc, canvas) => {
    setCanvasSize(doc, canvas);
  },
};
