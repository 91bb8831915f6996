import { describe, expect, it } from 'vitest';
import { parseActionInputs } from '../../src/config/action-inputs.js';
import { ConfigError } from '../../src/config/parse-inputs.js';

/** Inputs as the runner passes them: every unset one is ''. */
function parse(inputs: Record<string, string>, files: Record<string, string> = {}) {
  return parseActionInputs(
    (name) => ({ 'github-token': 't', ...inputs })[name] ?? '',
    (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
  );
}

function problems(inputs: Record<string, string>): string[] {
  try {
    parse(inputs);
  } catch (error) {
    if (error instanceof ConfigError) return error.messages;
    throw error;
  }
  throw new Error('no problem found');
}

describe('parseActionInputs', () => {
  it("gives the Action's defaults: experiment default, sequential, the artifact store", () => {
    const settings = parse({ results: 'a.jsonl\n\nresults/**/*.jsonl\n' });
    expect(settings).toMatchObject({
      mode: 'analyze',
      results: ['a.jsonl', 'results/**/*.jsonl'],
      store: { kind: 'artifact' },
      retentionDays: undefined,
      lookbackDays: 90,
      comment: 'auto',
      summary: true,
      failOn: 'never',
      reportRunId: null,
      issueNumber: null,
    });
    expect(settings.config).toMatchObject({
      experiment: 'default',
      method: 'sequential',
      expectedSessions: 400,
      control: 'cold',
      treatment: 'warm',
    });
  });

  it('maps every analysis setting, by its input name', () => {
    const settings = parse({
      results: 'r',
      'primary-metric': 'success',
      method: 'fixed-horizon',
      'expected-sessions': '200',
      correction: 'bh',
      segments: 'category, difficulty',
      cap: '99',
      'chance-to-beat': 'true',
      'equivalence-margin': '5%',
      store: 'dir:.store',
      'retention-days': '30',
      'issue-number': '12',
    });
    expect(settings.config).toMatchObject({
      primary: 'success',
      method: 'fixed-horizon',
      expectedSessions: 200,
      correction: 'bh',
      segments: ['category', 'difficulty'],
      capPercentile: 0.99,
      chanceToBeat: true,
      equivalenceMargin: 0.05,
    });
    expect(settings).toMatchObject({
      store: { kind: 'dir', path: '.store' },
      retentionDays: 30,
      issueNumber: 12,
    });
  });

  it('names the inputs in messages, all problems at once', () => {
    expect(
      problems({
        results: '',
        'primary-metric': ' ',
        'expected-sessions': '1',
        control: 'a',
        treatment: 'a',
      }),
    ).toEqual([
      'results: required: one or more result files, folders or globs, one per line',
      'expected-sessions: expected a whole number >= 2, got "1"',
      'control and treatment: expected two different variants, got "a" for both',
    ]);
  });

  it('requires report-run-id in mode post-report, and no results', () => {
    expect(problems({ mode: 'post-report' })).toEqual([
      expect.stringMatching(/^report-run-id: required in mode post-report/),
    ]);
    expect(parse({ mode: 'post-report', 'report-run-id': '42' }).reportRunId).toBe(42);
  });

  it('reads metrics as inline JSON, inline YAML, or a JSON or YAML file', () => {
    const expected = { cost_usd: { better: 'lower', role: 'guardrail' } };
    const json = '{"cost_usd": {"better": "lower", "role": "guardrail"}}';
    const yaml = 'cost_usd:\n  better: lower\n  role: guardrail\n';
    const files = { 'm.json': json, 'm.yml': yaml };
    for (const metrics of [
      json,
      yaml,
      'm.json',
      'm.yml',
      'cost_usd: {better: lower, role: guardrail}',
    ]) {
      expect(parse({ results: 'r', metrics }, files).config.metrics).toEqual(expected);
    }
  });

  it('reports a metrics block that is neither JSON nor YAML, or a file that is not there', () => {
    expect(problems({ results: 'r', metrics: 'a: [1\n' })[0]).toMatch(
      /^metrics \(inline\): not valid JSON or YAML/,
    );
    expect(problems({ results: 'r', metrics: 'missing.yml' })).toEqual([
      'metrics: expected a JSON or YAML block, or the path of such a file; cannot read "missing.yml" (ENOENT)',
    ]);
  });

  it('needs a token unless nothing reads the store or comments', () => {
    const noToken = (inputs: Record<string, string>) =>
      parseActionInputs(
        (name) => inputs[name] ?? '',
        () => '',
      );
    expect(() => noToken({ results: 'r' })).toThrow(/github-token: required/);
    expect(noToken({ results: 'r', store: 'none', comment: 'never' }).token).toBe('');
  });
});
