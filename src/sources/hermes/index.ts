import type { FileHead, Source } from '../types.js';
import { isObject } from '../values.js';
import { readHermesBatch } from './batch.js';
import { readHermesDb } from './state-db.js';

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Hermes Agent's batch_runner output: `trajectories.jsonl`, the `batch_N.jsonl` it is made of,
 * and the dataset (`{"prompt": …}` lines) to find the prompts whose run wrote no line.
 */
export const hermesBatch: Source = {
  name: 'hermes-batch',
  detect: ({ firstLine }: FileHead) =>
    isObject(firstLine) &&
    ((Array.isArray(firstLine.conversations) && firstLine.prompt_index !== undefined) ||
      (typeof firstLine.prompt === 'string' && Object.keys(firstLine).length === 1)),
  read: readHermesBatch,
};

/**
 * Hermes Agent's session database (`~/.hermes/state.db`) and `hermes sessions export` JSON Lines.
 * Subagent sessions are left out by default, or kept as sessions of their own.
 */
export const hermesDb: Source = {
  name: 'hermes-db',
  detect: ({ bytes, firstLine }: FileHead) =>
    Buffer.from(bytes.subarray(0, 16)).toString('latin1') === SQLITE_HEADER ||
    (isObject(firstLine) &&
      Array.isArray(firstLine.messages) &&
      firstLine.id !== undefined &&
      firstLine.started_at !== undefined),
  read: readHermesDb,
};
