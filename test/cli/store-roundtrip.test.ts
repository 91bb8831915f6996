import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/report-types.js';
import { jsonl, REPO } from '../support/run-cli.js';
import { exported, noStackTrace, readJson, session, store, tempDir } from './store-cli.js';

const SEED = join(REPO, 'test/fixtures/records/seed/warm_vs_cold_001.json');

describe('the local store, round trip through the bundle', () => {
  it('create, add-result ×N, add files, import a seed file, list, show, analyze, export, delete', async () => {
    const cwd = tempDir();
    const run = async (...args: string[]) => {
      const result = await store(args, { cwd });
      expect(result.status, `${args.join(' ')}\n${result.stderr}`).toBe(0);
      expect(noStackTrace(result.stderr)).toBe(true);
      return result;
    };

    const created = await run(
      'create',
      '--experiment',
      'login-ab',
      '--description',
      'Warm vs cold on login bugs',
      '--prompt',
      'Fix the login redirect loop',
      '--category',
      'debugging',
      '--difficulty',
      'Hard',
    );
    expect(created.stdout).toContain('Created experiment "login-ab" in .ab-verdict.');
    const folder = join(cwd, '.ab-verdict', 'login-ab');
    expect(readJson(join(folder, 'manifest.json'))).toMatchObject({
      format: 'ab-verdict-store',
      schemaVersion: 1,
      experiment: 'login-ab',
      sessions: 0,
      description: 'Warm vs cold on login bugs',
      prompt: 'Fix the login redirect loop',
      category: 'debugging',
      difficulty: 'hard',
    });

    // add-result ×6: three tasks, both arms.
    for (let i = 0; i < 3; i++) {
      await run(
        'add-result',
        'login-ab',
        '--variant',
        'cold',
        '--session-id',
        `c${i}`,
        '--task-id',
        `t${i}`,
        '--tool-calls',
        '10',
        '--successful-calls',
        String(7 + (i % 2)),
        '--completion-time',
        '40.5',
        '--no-success',
        '--error',
        'timeout',
        '--metric',
        'cost_usd=0.2',
      );
      const warm = await run(
        'add-result',
        'login-ab',
        '--variant',
        'warm',
        '--session-id',
        `w${i}`,
        '--task-id',
        `t${i}`,
        '--tool-calls',
        '10',
        '--successful-calls',
        '10',
        '--success',
        '--notes',
        'seeded',
      );
      expect(warm.stdout).toContain(`Added session "w${i}"`);
    }
    const again = await run(
      'add-result',
      'login-ab',
      '--variant',
      'warm',
      '--session-id',
      'w0',
      '--task-id',
      't0',
      '--tool-calls',
      '10',
      '--successful-calls',
      '10',
      '--success',
      '--notes',
      'seeded',
    );
    expect(again.stdout).toContain('stored already with these values; nothing changed');

    writeFileSync(
      join(cwd, 'more.jsonl'),
      jsonl([
        ...Array.from({ length: 8 }, (_, i) =>
          session(`fc${i}`, 'cold', { successful_tool_calls: 7 }),
        ),
        ...Array.from({ length: 8 }, (_, i) => session(`fw${i}`, 'warm')),
        session('x1', 'cold', { experiment: 'another' }),
      ]),
    );
    const added = await run('add', 'login-ab', 'more.jsonl');
    expect(added.stdout).toContain('Read 16 sessions: 16 new ones.');
    expect(added.stdout).toContain('holds cold 11, warm 11.');
    expect(added.stderr).toContain('1 record of other experiments left out (another: 1)');
    // The same file again adds nothing.
    expect((await run('add', 'login-ab', 'more.jsonl')).stdout).toContain(
      '0 new ones, 16 stored already.',
    );

    copyFileSync(SEED, join(cwd, 'seed.json'));
    const imported = await run('import', 'seed.json');
    expect(imported.stdout).toContain(
      'Imported seed.json into new experiment "warm_vs_cold_001": 5 new sessions; it holds cold 3, warm 1, warm-v2 1.',
    );

    const list = await run('list');
    expect(list.stdout).toMatch(
      /^login-ab +Warm vs cold on login bugs +cold 11, warm 11 +\S+ \S+ +\S+/m,
    );
    expect(list.stdout).toMatch(
      /^warm_vs_cold_001 +Fix the login redirect loop +cold 3, warm 1, warm-v2 1 /m,
    );
    const listed = JSON.parse((await run('list', '--json')).stdout) as Record<string, unknown>[];
    expect(listed.map((entry) => entry.experiment)).toEqual(['login-ab', 'warm_vs_cold_001']);
    expect(listed[0]).toMatchObject({ sessions: { cold: 11, warm: 11 } });

    const show = await run('show', 'login-ab', '--sessions', 'all');
    expect(show.stdout).toContain('Experiment login-ab: Warm vs cold on login bugs');
    expect(show.stdout).toMatch(/^cold \(control\) +11 +/m);
    expect(show.stdout).toMatch(
      /^warm \(treatment\) +11 +10 +100% \(11\/11\) +0\.0727 \(8\/110 calls\)/m,
    );
    expect(show.stdout).toContain('Sessions (22, oldest first):');
    const shown = JSON.parse((await run('show', 'login-ab', '--json')).stdout) as {
      arms: { variant: string; toolErrorRate: { failed: number; calls: number } }[];
      sessions: unknown[];
    };
    expect(shown.sessions).toHaveLength(22);
    // cold: 3 sessions by hand (3 + 2 + 3 failed of 10), 8 from the file (3 failed of 10 each).
    expect(shown.arms[0]).toMatchObject({
      variant: 'cold',
      toolErrorRate: { failed: 32, calls: 110 },
    });

    const report = JSON.parse((await run('analyze', 'login-ab', '--json')).stdout) as Report;
    expect(report.experiment).toBe('login-ab');
    expect(report.sessions).toEqual({ cold: 11, warm: 11 });
    expect(report.recommendation.verdict).toBe('adopt');
    expect((await run('analyze', 'login-ab', '--markdown')).stdout).toMatch(/^### ✅ Adopt: warm/m);

    const records = exported((await run('export', 'login-ab')).stdout);
    expect(records).toHaveLength(22);
    expect(records.find((r) => r.session_id === 'c1')).toEqual({
      session_id: 'c1',
      variant: 'cold',
      task_id: 't1',
      experiment: 'login-ab',
      success: false,
      tool_calls: 10,
      successful_tool_calls: 8,
      completion_time_seconds: 40.5,
      errors: ['timeout'],
      category: 'debugging',
      difficulty: 'hard',
      metrics: { cost_usd: 0.2 },
    });
    const lines = exported((await run('export', 'login-ab', '--format', 'store')).stdout);
    expect(
      lines.find((l) => (l.record as { session_id: string }).session_id === 'fw3'),
    ).toMatchObject({
      provenance: { runId: null, attempt: null, commit: null, source: 'more.jsonl' },
    });
    expect(
      lines.find((l) => (l.record as { session_id: string }).session_id === 'w2'),
    ).toMatchObject({
      provenance: { source: 'add-result' },
    });
    // The export reads back as result files: into a new experiment, the same sessions.
    writeFileSync(
      join(cwd, 'exported.jsonl'),
      (await run('export', 'login-ab')).stdout.replaceAll(
        '"experiment":"login-ab"',
        '"experiment":"copy"',
      ),
    );
    await run('create', 'copy', '--description', 'a copy');
    expect((await run('add', 'copy', 'exported.jsonl')).stdout).toContain(
      'holds cold 11, warm 11.',
    );

    // The seed file's every field: the results' own and the test's.
    const seedRecords = exported((await run('export', 'warm_vs_cold_001')).stdout);
    expect(seedRecords.find((r) => r.session_id === 'warm-1')).toMatchObject({
      variant: 'warm',
      task_id: 'fix-login-bug',
      category: 'debugging',
      context_sessions: ['cold-1'],
      tokens_used: 6100,
      model: 'claude-sonnet',
    });
    // A field kept from the seed file is a breakdown field of the stored experiment.
    const byModel = JSON.parse(
      (await run('analyze', 'warm_vs_cold_001', '--segments', 'model', '--json')).stdout,
    ) as Report;
    expect(byModel.segments[0]).toMatchObject({ field: 'model', correction: 'bh' });
    expect(byModel.segments[0]!.groups.map((g) => g.value)).toEqual(['claude-sonnet']);
    const seedManifest = readJson(join(cwd, '.ab-verdict', 'warm_vs_cold_001', 'manifest.json'));
    expect(seedManifest).toMatchObject({
      description: 'Fix the login redirect loop',
      category: 'debugging',
      difficulty: 'medium',
      seed: { test_id: 'warm_vs_cold_001', created_at: '2024-05-01T10:00:00' },
    });
    const asSeed = JSON.parse(
      (await run('export', 'warm_vs_cold_001', '--format', 'seed')).stdout,
    ) as {
      test_id: string;
      cold_results: unknown[];
      warm_results: unknown[];
    };
    expect(asSeed.test_id).toBe('warm_vs_cold_001');
    expect([asSeed.cold_results.length, asSeed.warm_results.length]).toEqual([3, 2]);
    // Importing again adds nothing twice.
    expect((await run('import', 'seed.json')).stdout).toContain('0 new sessions, 5 stored already');

    expect((await run('delete', 'login-ab', '--yes')).stdout).toBe(
      'Deleted experiment "login-ab" (22 sessions) from .ab-verdict.\n',
    );
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(join(cwd, '.ab-verdict')).sort()).toEqual(['copy', 'warm_vs_cold_001']);
    const gone = await store(['show', 'login-ab'], { cwd });
    expect(gone.status).toBe(1);
    expect(gone.stderr).toBe(
      'ab-verdict: no experiment "login-ab" in store .ab-verdict (experiments: copy, warm_vs_cold_001)\n',
    );
    expect(readFileSync(join(cwd, 'seed.json'), 'utf8')).toBe(readFileSync(SEED, 'utf8'));
  });

  it('takes the store from --store, else AB_VERDICT_STORE, else .ab-verdict', async () => {
    const cwd = tempDir();
    expect(
      (await store(['create', 'a', '--description', 'd', '--store', 'elsewhere'], { cwd })).status,
    ).toBe(0);
    expect(existsSync(join(cwd, 'elsewhere', 'a', 'manifest.json'))).toBe(true);
    const env = { AB_VERDICT_STORE: join(cwd, 'from-env') };
    expect((await store(['create', 'b', '--description', 'd'], { cwd, env })).status).toBe(0);
    expect(existsSync(join(cwd, 'from-env', 'b', 'manifest.json'))).toBe(true);
    expect((await store(['list'], { cwd, env })).stdout).toMatch(/^b +d +none /m);
    expect((await store(['list'], { cwd })).stdout).toContain('No experiments in .ab-verdict yet.');
    expect((await store(['list', '--store', 'elsewhere'], { cwd })).stdout).toMatch(/^a +d /m);
  });

  it('create on an id the store holds is an error that says what to do', async () => {
    const cwd = tempDir();
    expect((await store(['create', 'x', '--description', 'one'], { cwd })).status).toBe(0);
    const again = await store(['create', 'x', '--description', 'two'], { cwd });
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      'ab-verdict: experiment "x" exists in store .ab-verdict; choose another id or delete it\n',
    );
    expect(readJson(join(cwd, '.ab-verdict/x/manifest.json')).description).toBe('one');
  });

  it('ids with spaces and other characters get a folder of their own', async () => {
    const cwd = tempDir();
    for (const id of ['warm vs cold', 'warm-vs-cold', 'Wärme/Kälte']) {
      expect((await store(['create', id, '--description', id], { cwd })).status).toBe(0);
      expect(
        (await store(['add-result', id, '--variant', 'cold', '--session-id', 's'], { cwd })).status,
      ).toBe(0);
    }
    const names = readdirSync(join(cwd, '.ab-verdict')).sort();
    expect(names).toHaveLength(3);
    expect(names).toContain('warm-vs-cold');
    const listed = JSON.parse((await store(['list', '--json'], { cwd })).stdout) as {
      experiment: string;
    }[];
    expect(listed.map((e) => e.experiment).sort()).toEqual([
      'Wärme/Kälte',
      'warm vs cold',
      'warm-vs-cold',
    ]);
    expect(exported((await store(['export', 'Wärme/Kälte'], { cwd })).stdout)).toMatchObject([
      { session_id: 's', experiment: 'Wärme/Kälte', task_id: 'Wärme/Kälte' },
    ]);
  });

  it('analyze <files> still reads files, and --store forces the experiment of that name', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'results'), '');
    expect((await store(['create', 'results', '--description', 'd'], { cwd })).status).toBe(0);
    // A file named like the experiment: the file is read (an empty file).
    expect((await store(['analyze', 'results'], { cwd })).stderr).toContain('results: empty file');
    const forced = await store(['analyze', 'results', '--store', '.ab-verdict', '--json'], { cwd });
    expect(forced.status).toBe(0);
    expect((JSON.parse(forced.stdout) as Report).recommendation.verdict).toBe('insufficient-data');
  });
});
