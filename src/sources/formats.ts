import { claudeCode } from './claude-code/index.js';
import { codex } from './codex/index.js';
import { hermesBatch, hermesDb } from './hermes/index.js';
import { inspect } from './inspect/index.js';
import { mapped } from './map/index.js';
import type { FormatName, Source } from './types.js';

/** Every format, in the order `auto` asks them. */
export const SOURCES: Readonly<Record<FormatName, Source>> = {
  'hermes-batch': hermesBatch,
  'hermes-db': hermesDb,
  'claude-code': claudeCode,
  codex,
  inspect,
  map: mapped,
};
