import type { FileHead, Source } from '../types.js';
import { isObject } from '../values.js';
import { readCodex } from './read.js';

/** A rollout's first line, when it is longer than the start read to detect it. */
const ROLLOUT_START = /^\{"timestamp":"[^"]*",(?:"ordinal":\d+,)?"type":"session_meta"/;

/**
 * OpenAI Codex CLI: rollouts (`~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl`) and `codex exec
 * --json` event streams. `success` is whether the run finished its turn (`turn.completed`) or
 * failed (`turn.failed`): Codex has no verdict on the task itself.
 */
export const codex: Source = {
  name: 'codex',
  detect: ({ firstLine, text }: FileHead) =>
    isObject(firstLine)
      ? firstLine.type === 'thread.started' ||
        (firstLine.type === 'session_meta' && isObject(firstLine.payload))
      : ROLLOUT_START.test(text),
  read: (files) => readCodex(files),
};
