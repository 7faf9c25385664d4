/** The PP-OCR model files or the onnxruntime binding could not be loaded. */
export class OcrModelsUnavailableError extends Error {
  override name = 'OcrModelsUnavailableError';
}
