import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/report-types.js';
import { NODE24, NODE24_SKIPPED, node24Runs } from '../support/node24.js';
import { jsonl, REPO, runCli, spawnCli, tempFiles } from '../support/run-cli.js';

const EXAMPLE = join(REPO, 'examples/warm-vs-cold');

function session(id: string, variant: string, fields: object = {}): object {
  return {
    session_id: id,
    variant,
    task_id: `task-${id}`,
    tool_calls: 10,
    successful_tool_calls: 9,
    ...fields,
  };
}

/** No user mistake may end in a stack trace. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toContain('internal error');
}

describe('ab-verdict analyze on the example', () => {
  // The drill-down's other forms (--tasks, --html) are in report-cli.test.ts.
  it('prints the table, the verdict in one sentence, and the tasks summed up', async () => {
    const result = await runCli(['analyze', EXAMPLE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^tool_error_rate ★ +60\/60 /m);
    expect(result.stdout).toMatch(/^ADOPT warm: warm lowers tool_error_rate by \d+% .*\.$/m);
    expect(result.stdout).toMatch(/^tool_error_rate task by task: warm better on \d+ of 20 tasks/m);
    expect(result.stdout).toContain('(--tasks lists every task.)');
  });

  it('--json prints the report contract v1', async () => {
    const report = JSON.parse((await runCli(['analyze', EXAMPLE, '--json'])).stdout) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.experiment).toBe('warm-vs-cold');
    expect(report.sessions).toEqual({ cold: 60, warm: 60 });
    expect(report.recommendation.verdict).toBe('adopt');
    expect(report.metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining(['tool_error_rate', 'success', 'completion_time_seconds', 'cost_usd']),
    );
    for (const m of report.metrics) expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });

  it('--markdown prints the report as Markdown, with the drill-down in its details', async () => {
    const result = await runCli(['analyze', EXAMPLE, '--markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^### ✅ Adopt: warm/m);
    expect(result.stdout).toContain('| tool&#95;error&#95;rate | primary |');
    expect(result.stdout).toMatch(/<details><summary>tool&#95;error&#95;rate per task: /);
    expect(result.stdout.match(/^\| (refactor|bugfix|tests|docs|deps)&#45;0\d \|/gm)).toHaveLength(
      20,
    );
  });

  it('honours --control/--treatment, --alpha and --primary', async () => {
    const report = JSON.parse(
      (
        await runCli([
          'analyze',
          EXAMPLE,
          '--json',
          '--control',
          'warm',
          '--treatment',
          'cold',
          '--alpha',
          '1%',
          '--primary',
          'success',
        ])
      ).stdout,
    ) as Report;
    expect(report.control).toBe('warm');
    expect(report.analysis.alpha).toBe(0.01);
    expect(report.metrics.find((m) => m.role === 'primary')?.name).toBe('success');
    expect(
      report.metrics.find((m) => m.name === 'tool_error_rate')?.difference.estimate,
    ).toBeGreaterThan(0);
  });

  it('--help explains every option, and the exit codes', async () => {
    const result = await runCli(['analyze', '--help']);
    expect(result.status).toBe(0);
    for (const flag of [
      '--control',
      '--treatment',
      '--experiment',
      '--primary',
      '--alpha',
      '--min-effect',
      '--expected-split',
      '--on-invalid',
      '--json',
      '--markdown',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain('Exit codes: 0 done, 1 invalid input, 2 usage error.');
  });
});

describe('bad input: a clear message naming the place, exit code 1, no stack trace', () => {
  const cases: [string, Record<string, string | Buffer>, RegExp][] = [
    [
      'a field of the wrong type',
      { 'warm.jsonl': jsonl([session('a', 'warm'), session('b', 'warm', { tool_calls: 'five' })]) },
      /^warm\.jsonl:2: tool_calls: expected a whole number >= 0, got "five"$/m,
    ],
    [
      'invalid JSON',
      { 'bad.jsonl': '{"session_id": "a",\n' },
      /^bad\.jsonl:1:\d+: not valid JSON/m,
    ],
    ['an empty file', { 'empty.jsonl': '' }, /^empty\.jsonl: empty file, expected JSON records$/m],
    [
      'binary garbage',
      { 'junk.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x01]) },
      /^junk\.json: not a text file \(binary data\), expected JSON records$/m,
    ],
    [
      'absurd nesting',
      { 'deep.json': '['.repeat(200_000) + ']'.repeat(200_000) },
      /^deep\.json\[0\]: expected a JSON object, got an array$/m,
    ],
    [
      'an array entry missing its variant',
      { 'a.json': JSON.stringify([session('a', 'warm'), { session_id: 'b', task_id: 't' }]) },
      /^a\.json\[1\]: variant: required, missing$/m,
    ],
    ['a file that does not exist', {}, /^missing\.jsonl: no such file or directory$/m],
  ];

  it.each(cases)('%s', async (_, files, message) => {
    const dir = tempFiles(files);
    const args = Object.keys(files).length > 0 ? Object.keys(files) : ['missing.jsonl'];
    const result = await runCli(['analyze', ...args], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expectNoStackTrace(result.stderr);
    expect(result.stdout).toBe('');
  });

  it('prints the first 50 problems, then how many more', async () => {
    const records = Array.from({ length: 80 }, (_, i) =>
      session(`s${i}`, 'warm', { success: 'yes' }),
    );
    const result = await runCli(['analyze', 'many.jsonl'], {
      cwd: tempFiles({ 'many.jsonl': jsonl(records) }),
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('many.jsonl:'))).toHaveLength(50);
    expect(result.stderr).toContain('… and 30 more problems');
    expect(result.stderr).toContain('80 problems found');
  });

  it('--on-invalid skip analyses the valid records and reports how many were skipped', async () => {
    const records = [
      ...Array.from({ length: 6 }, (_, i) => session(`c${i}`, 'cold')),
      ...Array.from({ length: 6 }, (_, i) => session(`w${i}`, 'warm')),
      session('bad', 'warm', { tool_calls: -1 }),
    ];
    const dir = tempFiles({ 's.jsonl': jsonl(records) });
    const result = await runCli(['analyze', 's.jsonl', '--on-invalid', 'skip', '--json'], {
      cwd: dir,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: s\.jsonl:13: tool_calls: expected a whole number >= 0, got -1$/m,
    );
    const report = JSON.parse(result.stdout) as Report;
    expect(report.input.skippedInvalid).toBe(1);
    expect(report.sessions).toEqual({ cold: 6, warm: 6 });
    expect(report.warnings).toContain('1 invalid record was skipped (--on-invalid skip).');
  });

  it('--segments breaks the primary metric down by any record field', async () => {
    const records = Array.from({ length: 24 }, (_, i) =>
      session(`s${i}`, i % 2 === 0 ? 'cold' : 'warm', {
        successful_tool_calls: 5 + (i % 5),
        model: i % 4 < 2 ? 'sonnet' : 'opus',
        ...(i === 3 && { model: null }),
      }),
    );
    const dir = tempFiles({ 's.jsonl': jsonl(records) });
    const result = await runCli(['analyze', 's.jsonl', '--segments', 'model', '--json'], {
      cwd: dir,
    });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.segments).toHaveLength(1);
    expect(report.segments[0]!.field).toBe('model');
    expect(report.segments[0]!.correction).toBe('bh');
    expect(report.segments[0]!.groups.map((g) => [g.value, g.sessions])).toEqual([
      ['opus', { control: 6, treatment: 5 }],
      ['sonnet', { control: 6, treatment: 6 }],
    ]);

    const missing = await runCli(['analyze', 's.jsonl', '--segments', 'category,agent'], {
      cwd: dir,
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--segments: no session has a field "category"');
    expect(missing.stderr).toContain('--segments: no session has a field "agent"');
    expectNoStackTrace(missing.stderr);
  });

  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const records = [
      ...Array.from({ length: 5 }, (_, i) => session(`c${i}`, 'cold')),
      ...Array.from({ length: 5 }, (_, i) => session(`w${i}`, 'warm')),
    ];
    const text = '\uFEFF' + records.map((r) => JSON.stringify(r)).join('\r\n') + '\r\n';
    const result = await runCli(['analyze', 'crlf.jsonl', '--json'], {
      cwd: tempFiles({ 'crlf.jsonl': text }),
    });
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as Report).sessions).toEqual({ cold: 5, warm: 5 });
  });

  it('counts duplicates once and reports conflicting ones', async () => {
    const records = [
      ...Array.from({ length: 5 }, (_, i) => session(`c${i}`, 'cold')),
      ...Array.from({ length: 5 }, (_, i) => session(`w${i}`, 'warm')),
      session('w0', 'warm'),
      session('w1', 'warm', { tool_calls: 12 }),
    ];
    const result = await runCli(['analyze', 'd.jsonl', '--json'], {
      cwd: tempFiles({ 'd.jsonl': jsonl(records) }),
    });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.sessions).toEqual({ cold: 5, warm: 5 });
    expect(report.input.duplicates).toMatchObject({
      identical: 1,
      conflicting: 1,
      conflictingIds: ['w1'],
    });
    expect(report.warnings.join(' ')).toContain(
      'reported again with different content; the later record was used (w1)',
    );
  });
});

describe('usage errors: exit code 2 and a hint', () => {
  it.each([
    [['analyze'], /expected at least one result file/],
    [
      ['analyze', 'x.jsonl', '--alpha', '2'],
      /--alpha: expected a number between 0 and 1 \(exclusive\), got "2"/,
    ],
    [
      ['analyze', 'x.jsonl', '--expected-split', 'half'],
      /--expected-split: expected two positive shares/,
    ],
    [
      ['analyze', 'x.jsonl', '--on-invalid', 'ignore'],
      /--on-invalid: expected one of fail, skip, got "ignore"/,
    ],
    [['analyze', 'x.jsonl', '--bogus'], /unknown option --bogus/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['analyze', 'x.jsonl', '--control', 'warm'], /expected two different variants/],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expectNoStackTrace(result.stderr);
  });

  it('names the metrics there are when --primary names none of them', async () => {
    const result = await runCli(['analyze', EXAMPLE, '--primary', 'speed']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--primary: expected one of tool_error_rate, success');
  });
});

describe('the bundle', () => {
  it('exits as a process with the code of the outcome: 0 done, 1 invalid input, 2 usage error', () => {
    const dir = tempFiles({
      // Analysed, but small: a verdict of insufficient data is an outcome like any other.
      'ok.jsonl': jsonl([session('c', 'cold'), session('w', 'warm')]),
      'bad.jsonl': '{"session_id": 1}\n',
    });
    expect(spawnCli(['analyze', 'ok.jsonl'], { cwd: dir }).status).toBe(0);
    const invalid = spawnCli(['analyze', 'bad.jsonl'], { cwd: dir });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('bad.jsonl:1: session_id');
    expect(spawnCli(['analyze', EXAMPLE, '--bogus']).status).toBe(2);
  });

  it('runs with no node_modules anywhere above it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ab-verdict-dist-'));
    cpSync(join(REPO, 'dist'), join(dir, 'dist'), { recursive: true });
    cpSync(EXAMPLE, join(dir, 'example'), { recursive: true });
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    const result = spawnCli(['analyze', 'example', '--json'], {
      cwd: dir,
      cli: join(dir, 'dist/cli.js'),
    });
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as Report).recommendation.verdict).toBe('adopt');
  });

  it.skipIf(!node24Runs)(
    'runs under Node 24, the Action runtime, with the same report as under this Node',
    async () => {
      expect(existsSync(NODE24), NODE24_SKIPPED).toBe(true);
      const under24 = spawnCli(['analyze', EXAMPLE, '--json'], { node: NODE24 });
      expect(under24.stderr).toBe('');
      // Math functions may differ in the last bit between V8 versions: compare to 1e-12 relative.
      expectSameNumbers(
        JSON.parse(under24.stdout),
        JSON.parse((await runCli(['analyze', EXAMPLE, '--json'])).stdout),
      );
    },
  );
});

function expectSameNumbers(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
  } else if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, path).toBe('object');
    const keys = Object.keys(expected);
    expect(Object.keys(actual as object), path).toEqual(keys);
    for (const key of keys) {
      expectSameNumbers(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}
