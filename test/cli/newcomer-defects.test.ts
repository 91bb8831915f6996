import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActionInputs } from '../../src/config/action-inputs.js';
import { actionInputDefaults } from '../support/fake-github/runner/action-defaults.js';
import { jsonl, REPO, runCli, tempFiles } from '../support/run-cli.js';
import { noStackTrace, session, tempDir, withExperiment } from './store-cli.js';

/**
 * The rough edges a new user hit (issue 11), each test named after the defect it fixes.
 */

const EXAMPLE = join(REPO, 'examples/warm-vs-cold');
const SKIP_HINT = '--on-invalid skip';

describe('analyze --segments <field> when no record matches crashed in alignColumns (exit 3)', () => {
  it('an empty store experiment breaks down into no groups, and says so', async () => {
    const cwd = tempDir();
    await runCli(['create', 'empty', '--description', 'no sessions yet'], { cwd });
    const result = await runCli(['analyze', 'empty', '--segments', 'category'], { cwd });
    expect(result.stderr).not.toContain('internal error');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'tool_error_rate by category (p adjusted by Benjamini–Hochberg within the breakdown):\n  no session has a value of this field',
    );
  });

  it('an --experiment typo is an error naming the experiments read, not an empty table', async () => {
    const result = await runCli([
      'analyze',
      EXAMPLE,
      '--segments',
      'category',
      '--experiment',
      'warm-vs-colt',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'ab-verdict: --experiment: no record belongs to experiment "warm-vs-colt" (did you mean "warm-vs-cold"?); the records read are of warm-vs-cold (120)\n',
    );
  });
});

describe('analyze <path> changed meaning once .ab-verdict/ existed', () => {
  it('a missing results/ is a missing folder, store or not, and --on-invalid skip stays an option of files', async () => {
    const cwd = await withExperiment();
    const result = await runCli(['analyze', 'results/', '--on-invalid', 'skip'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'results/: no such file or directory\n1 problem found: nothing to read there; check the paths and globs.\n',
    );
  });

  it('a name that is neither a file nor an experiment says so about both', async () => {
    const cwd = await withExperiment();
    const result = await runCli(['analyze', 'f'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('f: no such file or directory\n');
    expect(result.stderr).toContain(
      '(nor is "f" an experiment of the store .ab-verdict, which holds e)',
    );
  });

  it('a file wins over an experiment of the same name; --store makes it the experiment', async () => {
    const cwd = await withExperiment();
    mkdirSync(join(cwd, 'e'));
    writeFileSync(join(cwd, 'e', 'other.jsonl'), jsonl([session('x1', 'cold')]));
    const files = await runCli(['analyze', 'e', '--json'], { cwd });
    expect(JSON.parse(files.stdout).sessions).toEqual({ cold: 1, warm: 0 });
    const stored = await runCli(['analyze', 'e', '--store', '.ab-verdict', '--json'], { cwd });
    expect(JSON.parse(stored.stdout).sessions).toEqual({ cold: 1, warm: 1 });
  });

  it('--help states the rule', async () => {
    const help = (await runCli(['analyze', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      'the arguments are read as files, folders and globs, unless there is one argument, no file or folder has that name, and the store holds an experiment of that id. With --store <dir> the one argument is always an experiment id.',
    );
  });
});

describe('a --control or --treatment with no sessions while other variants exist passed silently', () => {
  it('is an error with "did you mean", listing the variants present', async () => {
    const result = await runCli(['analyze', EXAMPLE, '--control', 'colt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'ab-verdict: --control: no session has variant "colt" (did you mean "cold"?); the variants present are cold (60), warm (60)\n',
    );
  });

  it('a store experiment too', async () => {
    const cwd = await withExperiment();
    const result = await runCli(['analyze', 'e', '--treatment', 'wram'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      '--treatment: no session has variant "wram" (did you mean "warm"?)',
    );
  });

  it('an arm with no sessions yet, and no other variant, is still analysed', async () => {
    const dir = tempFiles({ 'cold.jsonl': jsonl([session('c1', 'cold'), session('c2', 'cold')]) });
    const result = await runCli(['analyze', 'cold.jsonl', '--json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).recommendation.verdict).toBe('insufficient-data');
  });
});

describe('unknown verbs and flags got no "did you mean"', () => {
  it.each([
    [['analyse', EXAMPLE], 'ab-verdict: unknown command "analyse" (did you mean "analyze"?)'],
    [['analyze', EXAMPLE, '--jsn'], 'ab-verdict: unknown option --jsn (did you mean --json?)'],
    [['list', '--stor', 'x'], 'ab-verdict: unknown option --stor (did you mean --store?)'],
    [['frobnicate'], 'ab-verdict: unknown command "frobnicate"\n'],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(noStackTrace(result.stderr)).toBe(true);
  });
});

describe('a glob matching nothing and a custom metric with no data passed silently; the skip hint was printed for missing files', () => {
  it('a glob matching nothing is an error without the --on-invalid skip hint', async () => {
    const result = await runCli(['analyze', 'examples/warm-vs-cold/*.josnl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'examples/warm-vs-cold/*.josnl: no files match\n1 problem found: nothing to read there; check the paths and globs.\n',
    );
    expect(result.stderr).not.toContain(SKIP_HINT);
  });

  it('with --on-invalid skip it is a warning when other files were read, and an error when none were', async () => {
    const some = await runCli([
      'analyze',
      'examples/warm-vs-cold/*.josnl',
      'examples/warm-vs-cold/cold.jsonl', // one arm: read and analysed, in a blink
      '--on-invalid',
      'skip',
    ]);
    expect(some.status).toBe(0);
    expect(some.stderr).toContain('warning: examples/warm-vs-cold/*.josnl: no files match');
    const none = await runCli(['analyze', 'nothing/*.jsonl', '--on-invalid', 'skip']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('nothing/*.jsonl: no files match');
  });

  it('invalid records still get the hint', async () => {
    const dir = tempFiles({ 'bad.jsonl': '{"session_id": 1}\n' });
    const result = await runCli(['analyze', 'bad.jsonl'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`fix them, or analyse the valid records with ${SKIP_HINT}.`);
  });

  it('a custom ratio metric whose fields no session has is an error naming the field', async () => {
    const metrics = '{"retries_per_call": {"numerator": "retries", "denominator": "tool_call"}}';
    const result = await runCli(['analyze', EXAMPLE, '--metrics', metrics]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      [
        'ab-verdict: metrics.retries_per_call.numerator: no session has a field "retries"',
        'ab-verdict: metrics.retries_per_call.denominator: no session has a field "tool_call" (did you mean "tool_calls"?)',
        '',
      ].join('\n'),
    );
  });

  it('a custom metric no session has is an error, as before', async () => {
    const result = await runCli(['analyze', EXAMPLE, '--metrics', '{"cost": {"better": "lower"}}']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('metrics.cost: no session has a metric "cost"');
  });
});

describe('scripts/local-action.sh failed with the shipped .env.example and exited 0 when the action failed', () => {
  it(".env.example's inputs, with action.yml's defaults unexpanded as local-action passes them, parse", () => {
    const env = Object.fromEntries(
      readFileSync(join(REPO, '.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^INPUT_[A-Z-]+=/.test(line))
        .map((line) => {
          const [name, ...value] = line.split('=');
          return [name!.slice('INPUT_'.length).toLowerCase(), value.join('=')];
        }),
    );
    const defaults = actionInputDefaults(readFileSync(join(REPO, 'action.yml'), 'utf8'));
    expect(defaults['report-run-id']).toBe('${{ github.event.workflow_run.id }}');
    const settings = parseActionInputs(
      (name) => env[name] ?? defaults[name] ?? '',
      () => '',
    );
    expect(settings).toMatchObject({ mode: 'analyze', reportRunId: null });
  });

  it.skipIf(process.platform === 'win32')(
    'exits 1 when local-action printed an ::error:: line, 0 when it did not (local-action itself exits 0)',
    () => {
      const run = (output: string) => {
        const bin = tempDir();
        // A stand-in for npx: what local-action prints, and its exit code 0.
        writeFileSync(join(bin, 'npx'), `#!/bin/sh\nprintf '%s\\n' '${output}'\nexit 0\n`);
        chmodSync(join(bin, 'npx'), 0o755);
        return spawnSync('bash', [join(REPO, 'scripts/local-action.sh'), '.env.example'], {
          cwd: REPO,
          encoding: 'utf8',
          env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        });
      };
      const failed = run('::error::ab-verdict: check the inputs of the step:');
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('the action failed');
      expect(run('::set-output name=verdict::adopt').status).toBe(0);
    },
  );
});
