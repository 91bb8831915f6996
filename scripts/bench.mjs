#!/usr/bin/env node
/**
 * Benchmarks `ab-verdict analyze` on a large synthetic JSONL file against a baseline that only
 * reads and parses the same file (scripts/lib/bench-baseline.mjs), measured in the same run.
 * Targets are printed, never asserted: the exit code is 1 only when a command crashes.
 *
 *   node scripts/bench.mjs [--sessions N] [--runs K]
 */
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, summarise } from './lib/measure.mjs';
import { generateSessions } from './lib/sessions.mjs';

const SEED = 20250303;
const CLI = 'dist/cli.js';
const DIR = '.bench';
const FILE = `${DIR}/sessions.jsonl`;
const META = `${DIR}/sessions.meta.json`;
const RSS_FILE = `${DIR}/max-rss.txt`;
const TARGET = { time: 1.5, memory: 2 };
const MiB = 1 << 20;

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
  },
});
const sessions = positiveInteger('--sessions', values.sessions);
const runs = positiveInteger('--runs', values.runs);

if (!existsSync(CLI)) fail(`${CLI} not found: run npm run build first`);

const bytes = await ensureSessions();
console.log(`${FILE}: ${sessions.toLocaleString('en')} sessions, ${(bytes / MiB).toFixed(1)} MiB`);

const commands = {
  baseline: ['scripts/lib/bench-baseline.mjs', FILE],
  analyze: [CLI, 'analyze', FILE, '--json'],
};
const results = { baseline: [], analyze: [] };
// Alternating the two spreads any drift of the machine (caches, other load) over both.
for (let run = 1; run <= runs; run++) {
  for (const [name, args] of Object.entries(commands)) {
    const result = await measure(name, args, { rssFile: RSS_FILE });
    results[name].push(result);
    console.log(`  run ${run} ${name.padEnd(8)} ${result.seconds.toFixed(2)} s`);
  }
}
report(summarise(results.baseline), summarise(results.analyze), bytes);

function positiveInteger(flag, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    fail(`${flag} must be a positive integer, got ${text}`);
  }
  return value;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Generates the sessions file unless one with the same parameters is already there. */
async function ensureSessions() {
  const wanted = { seed: SEED, sessions, tasks: Math.max(20, Math.round(sessions / 500)) };
  const meta = existsSync(META) ? JSON.parse(readFileSync(META, 'utf8')) : {};
  const same = Object.entries(wanted).every(([key, value]) => meta[key] === value);
  // The size check catches a file cut short by an interrupted run.
  if (same && existsSync(FILE) && statSync(FILE).size === meta.bytes) return meta.bytes;

  mkdirSync(DIR, { recursive: true });
  rmSync(META, { force: true });
  const started = performance.now();
  await writeSessions(wanted);
  const bytes = statSync(FILE).size;
  writeFileSync(META, `${JSON.stringify({ ...wanted, bytes }, null, 2)}\n`);
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return bytes;
}

async function writeSessions(parameters) {
  const out = createWriteStream(FILE);
  let chunk = '';
  for (const record of generateSessions(parameters)) {
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length >= MiB) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

function report(baseline, analyze, bytes) {
  const row = (cells) =>
    console.log(cells.map((cell, i) => (i ? cell.padStart(16) : cell.padEnd(10))).join(''));
  const check = (label, ratio, target) => {
    const mark = ratio <= target ? '✓' : '✗';
    console.log(
      `${label.padEnd(32)}${ratio.toFixed(2)}×   target ≤ ${target.toFixed(1)}×   ${mark}`,
    );
  };
  console.log(`\nmedian wall time of ${runs} runs; peak RSS is the highest of the runs`);
  row(['', 'wall time (s)', 'peak RSS (MiB)']);
  row(['baseline', baseline.seconds.toFixed(2), baseline.rssMiB.toFixed(1)]);
  row(['analyze', analyze.seconds.toFixed(2), analyze.rssMiB.toFixed(1)]);
  console.log();
  check('time: analyze / baseline', analyze.seconds / baseline.seconds, TARGET.time);
  check('memory: analyze RSS / file size', (analyze.rssMiB * MiB) / bytes, TARGET.memory);
}
