#!/usr/bin/env node
/**
 * Writes the synthetic warm-vs-cold example: 20 tasks, 3 sessions per task and arm, one JSONL
 * file per arm. Deterministic: the same seed gives byte-identical files.
 *
 *   node scripts/make-example.mjs [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSessions } from './lib/sessions.mjs';

const DEFAULT_SEED = 20250303;
const TASKS = 20;
const SESSIONS_PER_TASK_AND_ARM = 3;
const OUT_DIR = new URL('../examples/warm-vs-cold/', import.meta.url);

const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, got ${values.seed}`);
  process.exit(1);
}

const lines = { cold: [], warm: [] };
const sessions = TASKS * SESSIONS_PER_TASK_AND_ARM * 2;
for (const record of generateSessions({ seed, sessions, tasks: TASKS })) {
  lines[record.variant].push(JSON.stringify(record));
}

mkdirSync(OUT_DIR, { recursive: true });
for (const [variant, records] of Object.entries(lines)) {
  writeFileSync(new URL(`${variant}.jsonl`, OUT_DIR), `${records.join('\n')}\n`);
  console.log(`examples/warm-vs-cold/${variant}.jsonl: ${records.length} sessions (seed ${seed})`);
}
