import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonl } from '../support/run-cli.js';
import { noStackTrace, session, store, tempDir, withExperiment } from './store-cli.js';

const VERBS = ['create', 'list', 'show', 'add-result', 'add', 'import', 'export', 'delete'];

describe('help', () => {
  it('ab-verdict --help lists every command', async () => {
    const result = await store(['--help'], { cwd: tempDir() });
    expect(result.status).toBe(0);
    for (const verb of [...VERBS, 'analyze', 'plan']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
    }
  });

  it.each(VERBS)('ab-verdict %s --help explains its options and exit codes', async (verb) => {
    const result = await store([verb, '--help'], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: ab-verdict ${verb}`));
    expect(result.stdout).toContain('--store <dir>');
    expect(result.stdout).toMatch(/^Exit codes: 0 /m);
  });

  it('ab-verdict analyze --help explains both forms', async () => {
    const result = await store(['analyze', '--help'], { cwd: tempDir() });
    expect(result.stdout).toContain('Usage: ab-verdict analyze <files|dirs|globs...> [options]');
    expect(result.stdout).toContain('Usage: ab-verdict analyze <id> [options]');
  });
});

describe('bad arguments: a message saying what was expected, exit code 2', () => {
  it.each([
    [['create', '--description', 'd'], /^ab-verdict: expected an experiment id/],
    [['create', 'x'], /^ab-verdict: --description is required/],
    [
      ['create', 'x', '--description', 'd', '--difficulty', 'extreme'],
      /--difficulty: expected one of easy, medium, hard, got "extreme"/,
    ],
    [
      ['create', ' x', '--description', 'd'],
      /expected an experiment id: printable characters.*got " x"/,
    ],
    [['create', 'x', '--description', 'd', '--colour', 'red'], /unknown option --colour/],
    [
      ['create', 'x', '--description', 'd', '--control', 'warm'],
      /--control and --treatment: expected two different variants, got "warm" for both/,
    ],
    [['create', 'x', 'y', '--description', 'd'], /unexpected argument "y"/],
    [['show'], /expected an experiment id/],
    [
      ['show', 'e', '--sessions', 'some'],
      /--sessions: expected a whole number >= 0 or all, got "some"/,
    ],
    [['add-result', 'e', '--session-id', 's9'], /^ab-verdict: --variant is required/],
    [['add-result', 'e', '--variant', 'cold'], /^ab-verdict: --session-id is required/],
    [
      ['add-result', 'e', '--variant', 'cold', '--session-id', 's9', '--tool-calls', 'five'],
      /^ab-verdict: --tool-calls: expected a whole number >= 0, got "five"$/m,
    ],
    [
      [
        'add-result',
        'e',
        '--variant',
        'cold',
        '--session-id',
        's9',
        '--tool-calls',
        '5',
        '--successful-calls',
        '7',
      ],
      /^ab-verdict: --successful-calls: expected at most --tool-calls \(5\), got 7$/m,
    ],
    [
      ['add-result', 'e', '--variant', 'cold', '--session-id', 's9', '--completion-time=-3'],
      /--completion-time: expected a number of seconds >= 0, got "-3"/,
    ],
    [
      ['add-result', 'e', '--variant', 'cold', '--session-id', 's9', '--metric', 'cost'],
      /--metric: expected name=value with a number or true\/false/,
    ],
    [
      ['add-result', 'e', '--variant', '', '--session-id', 's9'],
      /--variant: expected a non-empty string, got ""/,
    ],
    [
      ['add-result', 'e', '--variant', 'cold', '--session-id', 's9', '--success', '--no-success'],
      /choose one of --success and --no-success/,
    ],
    [
      ['add', 'e'],
      /expected result files or agent logs, directories or globs after the experiment id/,
    ],
    [
      ['add', 'e', 'x.jsonl', '--from', 'langsmith'],
      /--from: expected one of auto, hermes-batch, hermes-db, claude-code, codex, inspect, map, got "langsmith"/,
    ],
    [
      ['add', 'e', 'x.jsonl', '--variant', 'warm', '--variant-from', 'model'],
      /give one of --variant and --variant-from, not both/,
    ],
    [
      ['add', 'e', 'x.jsonl', '--variant-pattern', 'w'],
      /--variant-pattern goes with --variant-from/,
    ],
    [
      ['add', 'e', 'x.jsonl', '--from', 'codex', '--subagents', 'fold'],
      /--subagents: codex logs have no subagents/,
    ],
    [
      ['add', 'e', 'x.db', '--from', 'hermes-db', '--variant', 'cold', '--since', 'yesterday'],
      /--since: expected a date or a date and time like 2026-01-01 or 2026-01-01T09:00:00Z, got "yesterday"/,
    ],
    [
      ['add', 'e', 'x.jsonl', '--from', 'hermes-batch', '--variant', 'w', '--since', '2026-01-01'],
      /--since goes with --from hermes-db/,
    ],
    [
      ['add', 'e', 'x.jsonl', '--on-invalid', 'ignore'],
      /--on-invalid: expected one of fail, skip, got "ignore"/,
    ],
    [['import'], /expected seed test files, directories or globs to import/],
    [
      ['export', 'e', '--format', 'csv'],
      /--format: expected one of records, store, seed, got "csv"/,
    ],
    [
      ['analyze', 'e', '--alpha', '2'],
      /--alpha: expected a number between 0 and 1 \(exclusive\), got "2"/,
    ],
    [['analyze', 'e', '--json', '--markdown'], /choose one of --json and --markdown/],
    [['list', 'extra'], /unexpected argument "extra": list takes no arguments/],
    [['list', '--store', ''], /--store: expected a folder, got ""/],
  ])('%j', async (args, message) => {
    const cwd = await withExperiment();
    const result = await store(args, { cwd });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    // Mistakes in the analysis settings are listed together, as `analyze <files>` does.
    if (!args.includes('--alpha')) {
      expect(result.stderr).toMatch(/Run 'ab-verdict (\S+ )?--help' for usage\.\n$/);
    }
    expect(noStackTrace(result.stderr)).toBe(true);
  });
});

describe('experiments the store does not hold: exit code 1, naming those it does', () => {
  it.each([
    ['show', 'nope'],
    ['export', 'nope'],
    ['delete', 'nope', '--yes'],
    ['add-result', 'nope', '--variant', 'cold', '--session-id', 's'],
    ['add', 'nope', 'two.jsonl'],
    ['analyze', 'nope', '--store', '.ab-verdict'],
  ])('%s', async (...args) => {
    const cwd = await withExperiment();
    const result = await store(args, { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'ab-verdict: no experiment "nope" in store .ab-verdict (experiments: e)\n',
    );
    expect(existsSync(join(cwd, '.ab-verdict', 'nope'))).toBe(false);
  });

  it('in an empty store, says it holds none', async () => {
    const result = await store(['show', 'x'], { cwd: tempDir() });
    expect(result.stderr).toBe(
      'ab-verdict: no experiment "x" in store .ab-verdict (it holds none yet)\n',
    );
  });
});

describe('delete asks first', () => {
  it('refuses without --yes when there is no terminal to ask on: exit code 2, nothing deleted', async () => {
    const cwd = await withExperiment();
    const result = await store(['delete', 'e'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `ab-verdict: not deleting experiment "e" without confirmation: no terminal to ask on. Pass --yes to delete it\nRun 'ab-verdict delete --help' for usage.\n`,
    );
    expect(existsSync(join(cwd, '.ab-verdict', 'e', 'manifest.json'))).toBe(true);
    const deleted = await store(['delete', 'e', '-y'], { cwd });
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toBe('Deleted experiment "e" (2 sessions) from .ab-verdict.\n');
    expect(existsSync(join(cwd, '.ab-verdict', 'e'))).toBe(false);
  });
});

describe('bad input files: exit code 1, nothing added', () => {
  it('add stops on an invalid record, naming the place; --on-invalid skip adds the rest', async () => {
    const cwd = await withExperiment();
    writeFileSync(
      join(cwd, 'bad.jsonl'),
      jsonl([session('s3', 'cold'), session('s4', 'warm', { tool_calls: 'five' })]),
    );
    const failed = await store(['add', 'e', 'bad.jsonl'], { cwd });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      'bad.jsonl:2: tool_calls: expected a whole number >= 0, got "five"',
    );
    expect((await store(['show', 'e'], { cwd })).stdout).toContain('Sessions (2, oldest first)');
    const skipped = await store(['add', 'e', 'bad.jsonl', '--on-invalid', 'skip'], { cwd });
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toContain('warning: bad.jsonl:2: tool_calls');
    expect(skipped.stdout).toContain('Read 1 session: 1 new one.');
  });

  it('import refuses a file that is not a seed test file, and says what to use', async () => {
    const cwd = await withExperiment();
    const result = await store(['import', 'two.jsonl'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "two.jsonl: not a seed test file (expected {test_id, task, cold_results, warm_results}); add result files with 'ab-verdict add <id> two.jsonl'",
    );
  });

  it('a store written by a newer ab-verdict is read by no command and overwritten by none', async () => {
    const cwd = await withExperiment();
    const manifest = join(cwd, '.ab-verdict', 'e', 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({ format: 'ab-verdict-store', schemaVersion: 9, experiment: 'e' }),
    );
    for (const args of [
      ['show', 'e'],
      ['add-result', 'e', '--variant', 'cold', '--session-id', 'z'],
    ]) {
      const result = await store(args, { cwd });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /written by a newer ab-verdict \(store schemaVersion 9.*upgrade ab-verdict/,
      );
    }
    expect((await store(['list'], { cwd })).stdout).toMatch(/unreadable: .*newer ab-verdict/);
  });

  it('a store folder that cannot be one is an input error, not a crash', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a-file'), 'not a folder');
    const result = await store(['create', 'x', '--description', 'd', '--store', 'a-file'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^ab-verdict: the store cannot be used: ENOTDIR: not a directory/,
    );
    expect(noStackTrace(result.stderr)).toBe(true);
  });

  it('a lock held by a live process makes a writer wait, then fail naming the holder', async () => {
    const cwd = await withExperiment();
    const lock = join(cwd, '.ab-verdict', 'e', '.lock');
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: 'elsewhere', time: '2026-01-01T00:00:00Z' }),
    );
    const result = await store(['add-result', 'e', '--variant', 'cold', '--session-id', 'z'], {
      cwd,
      env: { AB_VERDICT_LOCK_WAIT: '0.5' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `ab-verdict: .ab-verdict/e/.lock is held by pid ${process.pid} on host elsewhere since 2026-01-01T00:00:00Z; waited 0.5 s for it. If no ab-verdict is writing to this store, delete that file.\n`,
    );
    // Readers do not wait.
    expect((await store(['show', 'e'], { cwd })).status).toBe(0);
  });
});
