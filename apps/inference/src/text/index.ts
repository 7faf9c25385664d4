export { detectText, detectClassical, detectWithModels } from './detectText.js';
export { OcrModelsUnavailableError } from './OcrModelsUnavailableError.js';
export type { DetectTextOptions, TextEngine, TextRegion } from './TextRegion.js';
