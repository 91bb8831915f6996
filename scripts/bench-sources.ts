/**
 * Benchmarks reading agent logs: `ab-verdict analyze --from <format>` over 10,000 sessions made
 * by replicating the real files of ../shared/fixtures/agent-logs (each copy with its own session
 * id, half of them under cold/, half under warm/). Prints the wall time per format against the
 * target (10 s); the exit code is 1 only when a command fails.
 *
 *   npm run bench:sources -- [--sessions N] [--formats claude-code,codex,hermes-batch,hermes-db,inspect,map]
 *
 * inspect's logs are written with zlib's zstd, which needs Node 22.15 or later: on Node 20 the
 * Node 24 that `npm run ensure-node24` installs writes them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDatabaseImage, sqlEngine } from '../src/sources/hermes/sqlite-file.js';

const CLI = 'dist/cli.js';
const DIR = '.bench/sources';
const TARGET_SECONDS = 10;
process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const LOGS = '../shared/fixtures/agent-logs';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '10000' },
    formats: { type: 'string', default: 'claude-code,codex,hermes-batch,hermes-db,inspect,map' },
  },
});
const sessions = Number(values.sessions);
if (!Number.isInteger(sessions) || sessions < 2) fail(`--sessions: expected a whole number >= 2`);
if (!existsSync(CLI)) fail(`${CLI} not found: run npm run build first`);

/**
 * Per format: writes `count` sessions into `dir` (half cold, half warm); returns the further
 * arguments the format's read needs, if any.
 */
const MAKERS: Record<string, (dir: string, count: number) => void | string[] | Promise<void>> = {
  'claude-code': (dir, count) =>
    replicate(dir, count, claudeRuns(), (text, i) =>
      text.replaceAll(/[0-9a-f-]{36}/g, (id) => `${id.slice(0, 24)}${hex(i)}`),
    ),
  codex: (dir, count) =>
    replicate(dir, count, codexRuns(), (text, i) =>
      text.replaceAll(/01a229eb-[0-9a-f-]{27}/g, (id) => `${id.slice(0, 24)}${hex(i)}`),
    ),
  'hermes-batch': (dir, count) => batchLines(dir, count),
  'hermes-db': (dir, count) => stateDbs(dir, count),
  inspect: (dir, count) => evalLogs(dir, count),
  map: (dir, count) => csvRows(dir, count),
};

for (const format of values.formats.split(',')) {
  const make = MAKERS[format];
  if (!make) fail(`--formats: unknown format ${format}`);
  const dir = join(DIR, format);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const extra = (await make(dir, sessions)) ?? [];
  const args = [
    CLI,
    'analyze',
    dir,
    '--from',
    format,
    '--variant-from',
    'path',
    '--variant-pattern',
    '(cold|warm)',
    '--json',
    ...extra,
  ];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    fail(`${format}: node ${args.join(' ')} failed:\n${run.stderr.slice(0, 2000)}`);
  const report = JSON.parse(run.stdout);
  const read = (report.sessions.cold ?? 0) + (report.sessions.warm ?? 0);
  console.log(
    `${format.padEnd(13)} ${String(read).padStart(6)} sessions  ${seconds.toFixed(2)} s  ${seconds <= TARGET_SECONDS ? '✓' : '✗'} (target ≤ ${TARGET_SECONDS} s)`,
  );
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function hex(i: number): string {
  return i.toString(16).padStart(12, '0');
}

/** The files of one Claude Code run: its transcript and its json result. */
function claudeRuns(): string[][] {
  const base = `${LOGS}/claude-code`;
  const manifest = JSON.parse(readFileSync(`${base}/manifest.json`, 'utf8'));
  return manifest
    .filter((run: { format: string }) => run.format === 'json')
    .map((run: { transcript: string; stdout: string }) => [
      readFileSync(`${base}/${run.transcript}`, 'utf8'),
      readFileSync(`${base}/${run.stdout}`, 'utf8'),
    ]);
}

/** The files of one Codex run: its rollout and its --json stream. */
function codexRuns(): string[][] {
  const base = `${LOGS}/codex`;
  return JSON.parse(readFileSync(`${base}/manifest.json`, 'utf8')).map(
    (run: { rollout: string; stdout: string }) => [
      readFileSync(`${base}/${run.rollout}`, 'utf8'),
      readFileSync(`${base}/${run.stdout}`, 'utf8'),
    ],
  );
}

/** Copy i of run i % runs, its ids made its own; the files of one copy in one folder. */
function replicate(
  dir: string,
  count: number,
  runs: string[][],
  rename: (text: string, i: number) => string,
): void {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, i % 2 ? 'warm' : 'cold', String(Math.floor(i / 1000)), String(i));
    mkdirSync(folder, { recursive: true });
    runs[i % runs.length]!.forEach((text, n) =>
      writeFileSync(join(folder, `${n}.jsonl`), rename(text, i)),
    );
  }
}

/** batch_runner lines, each copy with its own timestamp (the session id's part). */
function batchLines(dir: string, count: number): void {
  for (const arm of ['cold', 'warm']) {
    const lines = readFileSync(`${LOGS}/hermes/batch/data/${arm}/trajectories.jsonl`, 'utf8')
      .trim()
      .split('\n');
    const out = [];
    for (let i = 0; i < count / 2; i++) {
      const line = JSON.parse(lines[i % lines.length]!);
      line.metadata.timestamp = new Date(Date.UTC(2026, 0, 1) + i * 1000)
        .toISOString()
        .slice(0, 23);
      out.push(JSON.stringify(line));
    }
    mkdirSync(join(dir, arm), { recursive: true });
    writeFileSync(join(dir, arm, 'trajectories.jsonl'), out.join('\n') + '\n');
  }
}

/** `.eval` logs of 200 samples each (the real log's samples as further epochs), half per arm. */
function evalLogs(dir: string, count: number): void {
  const base = `${LOGS}/inspect_ai`;
  const log = JSON.parse(readFileSync(`${base}/manifest.json`, 'utf8')).logs.find(
    (entry: { format: string }) => entry.format === 'eval',
  ).file;
  const node =
    'zstdCompressSync' in zlib
      ? process.execPath
      : /\(([^)]+)\)\s*$/.exec(
          execFileSync('node', ['scripts/ensure-node24.mjs'], { encoding: 'utf8' }),
        )![1]!;
  execFileSync(node, [
    'scripts/lib/make-inspect-logs.mjs',
    `${base}/${log}`,
    dir,
    String(count),
    '200',
  ]);
}

/** A CSV per arm, a row per session with the values of the Claude Code runs, and its mapping. */
function csvRows(dir: string, count: number): string[] {
  const runs = JSON.parse(readFileSync(`${LOGS}/claude-code/manifest.json`, 'utf8'));
  for (const arm of ['cold', 'warm']) {
    const rows = ['id,task,status,duration_ms,calls,failed,cost'];
    for (let i = 0; i < count / 2; i++) {
      const run = runs[i % runs.length];
      rows.push(
        [
          `${arm}-${i}`,
          run.task,
          run.success ? 'passed' : 'failed',
          run.duration_ms,
          run.truth_tool_calls,
          run.truth_failed_tool_calls,
          run.total_cost_usd,
        ].join(','),
      );
    }
    mkdirSync(join(dir, arm), { recursive: true });
    writeFileSync(join(dir, arm, 'runs.csv'), rows.join('\n') + '\n');
  }
  const map = join(DIR, 'map.yaml');
  writeFileSync(
    map,
    'session_id: id\ntask_id: task\nsuccess: status | true=passed\ncompletion_time_seconds: duration_ms | ms\ntool_calls: calls\nfailed_tool_calls: failed\nmetrics.cost_usd: cost\n',
  );
  return ['--map', map];
}

/** A state.db per arm: the real sessions and their messages copied under new ids. */
async function stateDbs(dir: string, count: number): Promise<void> {
  const SQL = await sqlEngine();
  for (const arm of ['cold', 'warm']) {
    const image = await readDatabaseImage(`${LOGS}/hermes/${arm}/state.db`);
    if ('problem' in image) fail(image.problem);
    const db = new SQL.Database((image as { bytes: Uint8Array }).bytes);
    for (const [name] of db.exec("SELECT name FROM sqlite_master WHERE type = 'trigger'")[0]
      ?.values ?? []) {
      db.run(`DROP TRIGGER "${String(name)}"`);
    }
    const ids = db.exec('SELECT id FROM sessions')[0]!.values;
    const copies = Math.ceil(count / 2 / ids.length) - 1;
    db.run('BEGIN');
    for (let copy = 1; copy <= copies; copy++) {
      db.run(`INSERT INTO sessions (id, source, model, started_at, ended_at, end_reason, message_count, title)
              SELECT id || '-${copy}', source, model, started_at + ${copy}, ended_at + ${copy}, end_reason, message_count, NULL
              FROM sessions WHERE id NOT LIKE '%-%'`);
      db.run(`INSERT INTO messages (session_id, role, content, tool_call_id, tool_calls, tool_name, timestamp, finish_reason)
              SELECT session_id || '-${copy}', role, content, tool_call_id, tool_calls, tool_name, timestamp, finish_reason
              FROM messages WHERE session_id NOT LIKE '%-%'`);
    }
    db.run('COMMIT');
    mkdirSync(join(dir, arm), { recursive: true });
    writeFileSync(join(dir, arm, 'state.db'), db.export());
    db.close();
  }
}
