import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { jsonl, sessions, workspace } from './sessions.js';
import { storeSnapshots } from './store-contents.js';

const github = useFakeGitHub();

describe('inputs and results the user got wrong', () => {
  it('names every bad input, what was expected and what was found, without a stack trace', async () => {
    // The bundle in a process of its own: the step's exit code and its whole log are the real ones.
    const result = await step(github.fake, {
      bundle: true,
      records: sessions({ prefix: 'bad', perArm: 2 }),
      inputs: {
        alpha: '2',
        store: 's3',
        'fail-on': 'maybe',
        'lookback-days': 'forever',
        'min-effect': 'big',
      },
    });
    expect(result.status).toBe(1);
    const error = annotations(result, 'error').join('\n');
    expect(error).toContain('alpha: expected a number between 0 and 1 (exclusive), got "2"');
    expect(error).toContain('store: expected artifact, none, or dir:<path>, got "s3"');
    expect(error).toContain('fail-on: expected one of never, reject, inconclusive, got "maybe"');
    expect(error).toContain('lookback-days: expected a whole number from 1 to 400, got "forever"');
    expect(error).toContain('min-effect: expected a relative change above 0');
    expect(log(result)).not.toMatch(/\n\s+at /);
    expect(result.summary).toContain('check the step');
    expect(github.fake.state.artifacts()).toEqual([]);
  });

  it('stops on invalid records naming the file and line, and stores nothing', async () => {
    const records = sessions({ prefix: 'inv', perArm: 3 });
    const cwd = workspace({
      'results/a.jsonl':
        jsonl(records) + '{"session_id":"s9","variant":"warm","task_id":"t","tool_calls":"five"}\n',
    });
    const result = await step(github.fake, { cwd });
    expect(result.status).toBe(1);
    expect(annotations(result, 'error').join('\n')).toContain(
      'results/a.jsonl:7: tool_calls: expected a whole number >= 0, got "five"',
    );
    expect(github.fake.state.artifacts()).toEqual([]);
  });

  it('with on-invalid: skip analyses the valid records and warns about the rest', async () => {
    const records = sessions({ prefix: 'skip', perArm: 3 });
    const cwd = workspace({ 'results/a.jsonl': jsonl(records) + '{"session_id":"s9"}\n' });
    const result = await step(github.fake, { cwd, inputs: { 'on-invalid': 'skip' } });
    expect(result.status, log(result)).toBe(0);
    expect(annotations(result, 'warning').join('\n')).toContain(
      'results/a.jsonl:7: variant: required, missing',
    );
    expect(result.outputs['sessions-control']).toBe('3');
  });

  it('says so when the results belong to another experiment than the input names', async () => {
    const result = await step(github.fake, {
      records: sessions({ prefix: 'other', perArm: 2, experiment: 'warm-vs-cold' }),
      inputs: { experiment: 'default' },
    });
    expect(result.status).toBe(1);
    expect(annotations(result, 'error').join('\n')).toContain(
      'experiment: expected records of experiment "default"',
    );
    expect(annotations(result, 'error').join('\n')).toContain('"warm-vs-cold" (4)');
  });

  it('takes metrics as a YAML block and reports a bad one by input name', async () => {
    const records = sessions({ prefix: 'yaml', perArm: 5 });
    const good = await step(github.fake, {
      records,
      inputs: { metrics: 'message_count:\n  enabled: false\nsuccess:\n  role: guardrail\n' },
    });
    expect(good.status, log(good)).toBe(0);
    const report = JSON.parse(readFileSync(good.outputs['report-json'] ?? '', 'utf8'));
    const names = report.metrics.map((m: { name: string; role: string }) => `${m.name}:${m.role}`);
    expect(names).toContain('success:guardrail');
    expect(names.some((n: string) => n.startsWith('message_count'))).toBe(false);

    const bad = await step(github.fake, {
      records,
      inputs: { metrics: 'success:\n  role: boss\n' },
    });
    expect(bad.status).toBe(1);
    expect(annotations(bad, 'error').join('\n')).toContain(
      'metrics (inline): success.role: expected one of',
    );
    const missing = await step(github.fake, { records, inputs: { metrics: 'config/metrics.yml' } });
    expect(annotations(missing, 'error').join('\n')).toContain(
      'cannot read "config/metrics.yml" (ENOENT)',
    );
  });

  it('fail-on fails the step on the verdict it names, after reporting', async () => {
    const records = sessions({ prefix: 'gate', perArm: 2 });
    const result = await step(github.fake, { records, inputs: { 'fail-on': 'inconclusive' } });
    expect(result.outputs.verdict).toBe('insufficient-data');
    expect(result.status).toBe(1);
    expect(annotations(result, 'error').join('\n')).toContain(
      'the verdict is insufficient-data and fail-on is inconclusive',
    );
    expect(github.fake.state.comments(1)).toHaveLength(1);
  });
});

describe('stores and events', () => {
  it('store: dir keeps the same two files in a folder, merged across runs', async () => {
    const cwd = workspace({
      'results/results.jsonl': jsonl(sessions({ prefix: 'dir1', perArm: 3 })),
    });
    const first = await step(github.fake, { cwd, inputs: { store: 'dir:.ab-store' } });
    expect(first.status, log(first)).toBe(0);
    const folder = join(cwd, '.ab-store', 'exp');
    expect(existsSync(join(folder, 'manifest.json'))).toBe(true);
    const again = workspace({
      'results/results.jsonl': jsonl(sessions({ prefix: 'dir2', perArm: 2 })),
    });
    const second = await step(github.fake, {
      cwd: again,
      inputs: { store: `dir:${join(cwd, '.ab-store')}` },
    });
    expect(second.status, log(second)).toBe(0);
    expect(second.outputs['sessions-control']).toBe('5');
    const lines = readFileSync(join(folder, 'sessions.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))).toMatchObject({
      format: 'ab-verdict-store',
      schemaVersion: 1,
      sessions: 10,
    });
    expect(await storeSnapshots(github.fake, 'exp')).toEqual([]);
  });

  it('store: none analyses this run alone and keeps nothing', async () => {
    const result = await step(github.fake, {
      records: sessions({ prefix: 'none', perArm: 3 }),
      inputs: { store: 'none' },
    });
    expect(result.status, log(result)).toBe(0);
    expect(result.outputs['store-artifact-id']).toBe('');
    expect(await storeSnapshots(github.fake, 'exp')).toEqual([]);
  });

  it('on a schedule, comments on issue-number; without it, writes only the summary', async () => {
    const { fake } = github;
    const records = sessions({ prefix: 'cron', perArm: 3 });
    const plain = await step(fake, { records, eventName: 'schedule' });
    expect(plain.status, log(plain)).toBe(0);
    expect(plain.summary).toContain('### ');
    expect(fake.state.comments(1)).toEqual([]);
    const onIssue = await step(fake, {
      records,
      eventName: 'schedule',
      inputs: { 'issue-number': '42' },
    });
    expect(onIssue.status, log(onIssue)).toBe(0);
    expect(fake.state.comments(42)).toHaveLength(1);
    expect(onIssue.outputs['comment-url']).toContain('#issuecomment-');
  });

  it('with a user token, finds its comment by that user', async () => {
    const { fake } = github;
    const token = fake.state.addToken({ login: 'release-bot' });
    const run = fake.state.newRun({ token, login: 'release-bot' });
    const records = sessions({ prefix: 'pat', perArm: 3 });
    await step(fake, { run, records, inputs: { 'github-token': token } });
    const rerun = fake.state.newRun({ token, login: 'release-bot' });
    const again = await step(fake, { run: rerun, records, inputs: { 'github-token': token } });
    expect(again.status, log(again)).toBe(0);
    expect(fake.state.comments(1).map((c) => c.login)).toEqual(['release-bot']);
  });
});
