import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/report-types.js';
import { OWN_LOGS, SHARED_LOGS } from '../sources/agent-logs.js';
import { exported, noStackTrace, store, tempDir } from './store-cli.js';

const CLAUDE = `${SHARED_LOGS}/claude-code`;
const CODEX = `${SHARED_LOGS}/codex`;
const HERMES = `${SHARED_LOGS}/hermes`;
const INSPECT = `${SHARED_LOGS}/inspect_ai`;

describe('agent logs through the CLI, from the files to a verdict', () => {
  it('analyzes Claude Code transcripts and results, the variant taken from the project path', async () => {
    const run = await store(
      [
        'analyze',
        `${CLAUDE}/dot-claude`,
        `${CLAUDE}/stdout`,
        '--variant-from',
        'path',
        // = joins a value that starts with a dash.
        '--variant-pattern=-(cold|warm)-',
        '--on-invalid',
        'skip',
        '--json',
      ],
      { cwd: tempDir() },
    );
    expect(run.status, run.stderr).toBe(0);
    // The --max-turns 1 run has neither variant in its path: reported, and left out.
    expect(run.stderr).toContain(
      't3-missing-config-maxturns1-json/c1130978-5035-4c3f-b163-8fb58fe0239a.jsonl:1: variant: no variant: the path',
    );
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sessions).toEqual({ cold: 5, warm: 4 });
    expect(report.recommendation.verdict).toBeDefined();
  });

  it('adds Codex cold and warm runs to the store and analyzes them, paired by prompt', async () => {
    const cwd = tempDir();
    expect(
      (await store(['create', 'codex-ab', '--description', 'AGENTS.md or not'], { cwd })).status,
    ).toBe(0);
    const cold = await store(
      [
        'add',
        'codex-ab',
        `${CODEX}/dot-codex`,
        `${CODEX}/stdout`,
        '--from',
        'codex',
        '--variant',
        'cold',
      ],
      { cwd },
    );
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stdout).toContain('Read 5 sessions: 5 new ones.');
    const warm = await store(
      [
        'add',
        'codex-ab',
        `${OWN_LOGS}/codex/dot-codex`,
        `${OWN_LOGS}/codex/stdout`,
        '--variant',
        'warm',
      ],
      { cwd },
    );
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.stdout).toContain('holds cold 5, warm 4.');
    const again = await store(['add', 'codex-ab', `${CODEX}/dot-codex`, '--variant', 'cold'], {
      cwd,
    });
    expect(again.stdout, again.stderr).toContain('Read 5 sessions: 0 new ones, 5 stored already.');
    const report = JSON.parse(
      (await store(['analyze', 'codex-ab', '--json'], { cwd })).stdout,
    ) as Report;
    expect(report.sessions).toEqual({ cold: 5, warm: 4 });
    const records = exported((await store(['export', 'codex-ab'], { cwd })).stdout);
    const tasks = (variant: string) =>
      new Set(records.filter((r) => r.variant === variant).map((r) => r.task_id));
    // t5 ran cold only; the other four prompts pair.
    expect(tasks('cold').size).toBe(5);
    expect([...tasks('warm')].every((task) => tasks('cold').has(task))).toBe(true);
  });

  it('adds Hermes state.db sessions and batch lines, the variant from the model name', async () => {
    const cwd = tempDir();
    expect((await store(['create', 'hermes-ab', '--description', 'd'], { cwd })).status).toBe(0);
    const args = ['--variant-from', 'model', '--variant-pattern', 'fake-(\\w+)'];
    const db = await store(
      ['add', 'hermes-ab', `${HERMES}/cold/state.db`, `${HERMES}/warm/state.db`, ...args],
      { cwd },
    );
    expect(db.status, db.stderr).toBe(0);
    expect(db.stdout).toContain('holds cold 5, warm 5.');
    const batch = await store(['add', 'hermes-ab', `${HERMES}/batch/data`, ...args], { cwd });
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.stdout).toContain('Read 8 sessions: 8 new ones');
    const report = JSON.parse(
      (await store(['analyze', 'hermes-ab', '--json'], { cwd })).stdout,
    ) as Report;
    expect(report.sessions).toEqual({ cold: 9, warm: 9 });
  });

  it('analyzes inspect_ai logs, each run an arm, paired by sample', async () => {
    // The .eval and the .json log are two runs of one eval: here, two arms.
    const run = await store(
      [
        'analyze',
        `${INSPECT}/logs`,
        '--variant-from',
        'path',
        '--variant-pattern',
        '\\.(eval|json)$',
        '--control',
        'eval',
        '--treatment',
        'json',
        '--task-by',
        'field:sample',
        '--json',
      ],
      { cwd: tempDir() },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sessions).toEqual({ eval: 4, json: 4 });
    const success = report.metrics.find((metric) => metric.name === 'success')!;
    expect(success.control.mean).toBe(0.75);
    const time = report.metrics.find((metric) => metric.name === 'completion_time_seconds')!;
    expect(time.design).toMatchObject({ kind: 'paired', tasks: 4 });
  });

  it('analyzes a CSV of its own through a mapping file, and names a bad cell by line and column', async () => {
    const cwd = tempDir();
    const rows = Array.from({ length: 12 }, (_, i) => {
      const arm = i % 2 ? 'warm' : 'cold';
      return `r${i},${arm},t${i >> 1},${i % 3 ? 'passed' : 'failed'},${1000 + 100 * i}`;
    });
    writeFileSync(join(cwd, 'runs.csv'), ['run,arm,case,status,ms', ...rows].join('\n') + '\n');
    writeFileSync(
      join(cwd, 'map.yaml'),
      'session_id: run\nvariant: arm\ntask_id: case\nsuccess: status | true=passed\ncompletion_time_seconds: ms | ms\n',
    );
    const run = await store(['analyze', 'runs.csv', '--map', 'map.yaml', '--json'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sessions).toEqual({ cold: 6, warm: 6 });
    const time = report.metrics.find((metric) => metric.name === 'completion_time_seconds')!;
    expect(time.control.mean).toBe(1.5);
    writeFileSync(join(cwd, 'bad.csv'), 'run,arm,case,status,ms\nr1,cold,t1,passed,1.2s\n');
    const bad = await store(['analyze', 'bad.csv', '--map', 'map.yaml'], { cwd });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'bad.csv:2: completion_time_seconds (column "ms"): expected a number, got "1.2s"',
    );
    expect(noStackTrace(bad.stderr)).toBe(true);
  });

  it('names the file, line and what was expected for logs it cannot read', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'notes.jsonl'), '{"hello": "world"}\n');
    writeFileSync(
      join(cwd, 'broken.jsonl'),
      '{"type": "thread.started", "thread_id": "t"}\n{"type":\n',
    );
    const codex = await store(
      ['analyze', 'notes.jsonl', 'broken.jsonl', '--from', 'codex', '--variant', 'x'],
      { cwd },
    );
    expect(codex.status).toBe(1);
    expect(codex.stderr).toContain(
      'notes.jsonl:1: not a Codex log: expected a rollout (first line "session_meta") or an exec --json stream (first line "thread.started")',
    );
    expect(codex.stderr).toContain('broken.jsonl:2:9: not valid JSON');
    expect(noStackTrace(codex.stderr)).toBe(true);
    const missing = await store(
      ['analyze', 'no/such.jsonl', '--from', 'claude-code', '--variant', 'x'],
      {
        cwd,
      },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no/such.jsonl: no such file or directory');
    const noVariant = await store(['analyze', `${CODEX}/stdout`], { cwd });
    expect(noVariant.status).toBe(1);
    expect(noVariant.stderr).toContain(
      'codex logs (this and 4 more): the variant of their sessions is not known: give --variant <name>',
    );
  });
});
