#!/usr/bin/env node
/**
 * Benchmarks the store, beside `npm run bench`:
 *
 * 1. A run of the Action (dist/index.js, `store: dir:`) adding `--added` sessions to a store of
 *    `--stored`, against `analyze` of the same sessions from one JSONL file (dist/cli.js), both
 *    measured in the same run, alternating. Target: at most 2× the time.
 * 2. `analyze <id>` of a local store of `--large` sessions: its peak memory. Target: 2 GiB.
 *
 * Targets are printed, never asserted: the exit code is 1 only when a command fails.
 *
 *   node scripts/bench-store.mjs [--stored N] [--added N] [--runs K] [--large N]
 */
import { once } from 'node:events';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, summarise } from './lib/measure.mjs';
import { generateSessions } from './lib/sessions.mjs';

const SEED = 20250909;
const EXPERIMENT = 'warm-vs-cold';
const DIR = '.bench/store';
const RSS_FILE = `${DIR}/max-rss.txt`;
const TARGET = { time: 2, memoryMiB: 2048 };
const MiB = 1 << 20;

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const { values } = parseArgs({
  options: {
    stored: { type: 'string', default: '100000' },
    added: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    large: { type: 'string', default: '3000000' },
  },
});
const stored = positiveInteger('--stored', values.stored);
const added = positiveInteger('--added', values.added);
const runs = positiveInteger('--runs', values.runs);
const large = Number(values.large) === 0 ? 0 : positiveInteger('--large', values.large);
for (const bundle of ['dist/index.js', 'dist/cli.js']) {
  if (!existsSync(bundle)) fail(`${bundle} not found: run npm run build first`);
}
mkdirSync(DIR, { recursive: true });

// 1. A run adding sessions to a store, against analyze of the same sessions.
const all = `${DIR}/all.jsonl`;
const addedFile = `${DIR}/added.jsonl`;
const base = `${DIR}/base`;
await writeFiles(stored, added, all, addedFile, base);
const results = { run: [], analyze: [] };
for (let run = 1; run <= runs; run++) {
  const store = `${DIR}/run-store`;
  rmSync(store, { recursive: true, force: true });
  cpSync(base, store, { recursive: true });
  for (const [name, measured] of [
    ['run', () => measure('run', ['dist/index.js'], { rssFile: RSS_FILE, env: actionEnv(store) })],
    [
      'analyze',
      () =>
        measure('analyze', ['dist/cli.js', 'analyze', all, '--method', 'sequential', '--json'], {
          rssFile: RSS_FILE,
        }),
    ],
  ]) {
    const result = await measured();
    results[name].push(result);
    console.log(`  run ${run} ${name.padEnd(8)} ${result.seconds.toFixed(2)} s`);
  }
}
const run = summarise(results.run);
const analyze = summarise(results.analyze);
console.log(`\nmedian wall time of ${runs} runs; peak RSS is the highest of the runs`);
row(['', 'wall time (s)', 'peak RSS (MiB)']);
row([`run: ${added} into ${stored.toLocaleString('en')}`, run.seconds, run.rssMiB]);
row([`analyze ${(stored + added).toLocaleString('en')}`, analyze.seconds, analyze.rssMiB]);
check('time: run / analyze', run.seconds / analyze.seconds, TARGET.time, '×');

// 2. analyze <id> of a large local store: its peak memory.
if (large > 0) {
  const folder = `${DIR}/large`;
  const bytes = await writeLargeStore(large, folder);
  console.log(
    `\n${folder}: ${large.toLocaleString('en')} sessions, ${(bytes / MiB).toFixed(0)} MiB`,
  );
  const result = await measure(
    'analyze <id>',
    ['dist/cli.js', 'analyze', EXPERIMENT, '--store', folder, '--json'],
    { rssFile: RSS_FILE },
  );
  row(['', 'wall time (s)', 'peak RSS (MiB)']);
  row([`analyze ${EXPERIMENT}`, result.seconds, result.rssKiB / 1024]);
  check('memory: peak RSS (MiB)', result.rssKiB / 1024, TARGET.memoryMiB, ' MiB');
}

function positiveInteger(flag, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    fail(`${flag} must be a positive integer, got ${text}`);
  return value;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/**
 * The sessions as one JSONL file; the last `addedCount` also alone; the others as a local store
 * made by the CLI (`create`, then `add`), unless files of these sizes are already there.
 */
async function writeFiles(storedCount, addedCount, allFile, addedOut, storeFolder) {
  const meta = `${DIR}/meta.json`;
  const wanted = JSON.stringify({ seed: SEED, storedCount, addedCount });
  if (existsSync(meta) && readFileSync(meta, 'utf8') === wanted && existsSync(storeFolder)) return;
  rmSync(meta, { force: true });
  const lines = [...sessionLines(storedCount + addedCount)];
  await writeLines(allFile, lines);
  await writeLines(addedOut, lines.slice(storedCount));
  const storedFile = `${DIR}/stored.jsonl`;
  await writeLines(storedFile, lines.slice(0, storedCount));
  rmSync(storeFolder, { recursive: true, force: true });
  await cli(['create', EXPERIMENT, '--description', 'bench', '--store', storeFolder]);
  await cli(['add', EXPERIMENT, storedFile, '--store', storeFolder, '--quiet']);
  writeFileSync(meta, wanted);
}

function* sessionLines(count) {
  const tasks = Math.max(20, Math.round(count / 500));
  for (const record of generateSessions({ seed: SEED, sessions: count, tasks })) {
    yield JSON.stringify(record);
  }
}

async function writeLines(file, lines) {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await finished(out);
}

/**
 * A local store of `count` sessions written directly in the store format (the CLI would hold
 * every record of the input in memory to add them at once): manifest.json and sessions.jsonl.
 */
async function writeLargeStore(count, root) {
  const folder = `${root}/${EXPERIMENT}`;
  const meta = `${root}/meta.json`;
  const wanted = JSON.stringify({ seed: SEED, count });
  if (existsSync(meta) && readFileSync(meta, 'utf8') === wanted) {
    return JSON.parse(readFileSync(`${folder}/manifest.json`, 'utf8')).sessionsBytes;
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const out = createWriteStream(`${folder}/sessions.jsonl`);
  const time = new Date('2025-09-01T00:00:00Z').toISOString();
  let bytes = 0;
  let chunk = '';
  for (const line of sessionLines(count)) {
    const provenance = { runId: null, attempt: null, commit: null, time, source: 'bench.jsonl' };
    const text = `{"record":${line},"provenance":${JSON.stringify(provenance)}}\n`;
    bytes += Buffer.byteLength(text);
    chunk += text;
    if (chunk.length >= MiB) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  const manifest = {
    format: 'ab-verdict-store',
    schemaVersion: 1,
    experiment: EXPERIMENT,
    createdAt: time,
    updatedAt: time,
    sessions: count,
    sessionsBytes: bytes,
    covers: [],
    history: [],
  };
  writeFileSync(`${folder}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(meta, wanted);
  return bytes;
}

/** The environment of a step on a runner, for a push (no comment, no token). */
function actionEnv(store) {
  const temp = `${DIR}/runner-temp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  for (const file of ['output', 'summary.md', 'event.json']) writeFileSync(`${temp}/${file}`, '');
  writeFileSync(`${temp}/event.json`, '{}');
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: process.cwd(),
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: `${temp}/output`,
    GITHUB_STEP_SUMMARY: `${temp}/summary.md`,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: `${temp}/event.json`,
    GITHUB_REPOSITORY: 'octo-org/bench',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'a'.repeat(40),
    INPUT_RESULTS: addedFile,
    INPUT_EXPERIMENT: EXPERIMENT,
    INPUT_STORE: `dir:${store}`,
    'INPUT_GITHUB-TOKEN': '',
    INPUT_COMMENT: 'never',
    INPUT_SUMMARY: 'true',
    INPUT_METHOD: 'sequential',
    'INPUT_LOOKBACK-DAYS': '90',
  };
}

function cli(args) {
  return measure(`ab-verdict ${args[0]}`, ['dist/cli.js', ...args], { rssFile: RSS_FILE });
}

function row(cells) {
  const text = cells.map((cell, i) => {
    const shown = typeof cell === 'number' ? cell.toFixed(i === 1 ? 2 : 1) : cell;
    return i ? String(shown).padStart(16) : String(shown).padEnd(30);
  });
  console.log(text.join(''));
}

function check(label, value, target, unit) {
  const mark = value <= target ? '✓' : '✗';
  const shown = unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(0)}${unit}`;
  const limit = unit === '×' ? `${target.toFixed(1)}×` : `${target}${unit}`;
  console.log(`${label.padEnd(32)}${shown}   target ≤ ${limit}   ${mark}`);
}
