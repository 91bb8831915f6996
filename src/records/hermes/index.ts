export { readHermesBatch, type HermesBatchOptions } from './batch.js';
export type { HermesReadOptions, HermesReadResult, ReadProgress } from './common.js';
export {
  createProgress,
  type Progress,
  type ProgressOptions,
  type ProgressStream,
  type ProgressUpdate,
} from './progress.js';
export {
  readHermesDb,
  SUCCESS_END_REASONS,
  UNKNOWN_END_REASONS,
  type HermesDbOptions,
} from './state-db.js';
export { toolResultFailed } from './tool-result.js';
