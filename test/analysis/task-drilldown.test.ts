import { describe, expect, it } from 'vitest';
import { analyze, recommendationWithout } from '../../src/analysis/analyze.js';
import { passAtK, passHatK } from '../../src/analysis/pass-at-k.js';
import type { ExperimentConfig } from '../../src/config/experiment-config.js';
import { resolveMetrics } from '../../src/analysis/metric-definitions.js';
import type { SessionRecord, SessionTable } from '../../src/records/types.js';
import { carriedByOneTask, CONFIG, INPUT, pairedRuns, tableOf } from '../support/task-sessions.js';

describe('the per-task drill-down', () => {
  it('names a task that one variant always solves and the other never as flipped', () => {
    const report = analyze(
      tableOf(
        pairedRuns([
          { task: 'always-warm', cold: { solved: 0 }, warm: { solved: 4 } },
          { task: 'always-cold', cold: { solved: 4 }, warm: { solved: 0 } },
          { task: 'both', cold: { solved: 4 }, warm: { solved: 4 } },
          { task: 'neither', cold: { solved: 0 }, warm: { solved: 0 } },
        ]),
      ),
      CONFIG,
      INPUT,
    );
    const rows = new Map(report.tasks!.rows.map((row) => [row.task, row]));
    expect(rows.get('always-warm')!.flipped).toBe('treatment');
    expect(rows.get('always-cold')!.flipped).toBe('control');
    expect(rows.get('both')!.flipped).toBeNull();
    expect(rows.get('neither')!.flipped).toBeNull();
    expect(report.tasks!.counts.flipped).toEqual({ control: 1, treatment: 1 });
    expect(report.tasks!.outcome).toBe('success');
  });

  it('names a task solved in 2 of 4 repetitions of one arm as flaky', () => {
    const report = analyze(
      tableOf(
        pairedRuns([
          { task: 'flaky-warm', cold: { solved: 4 }, warm: { solved: 2 } },
          { task: 'steady', cold: { solved: 4 }, warm: { solved: 4 } },
          { task: 'flaky-both', cold: { solved: 1 }, warm: { solved: 3 } },
        ]),
      ),
      CONFIG,
      INPUT,
    );
    const rows = new Map(report.tasks!.rows.map((row) => [row.task, row]));
    expect(rows.get('flaky-warm')!.flaky).toEqual(['treatment']);
    expect(rows.get('flaky-warm')!.solved.treatment).toEqual({ solved: 2, sessions: 4 });
    expect(rows.get('steady')!.flaky).toEqual([]);
    expect(rows.get('flaky-both')!.flaky).toEqual(['control', 'treatment']);
    expect(report.tasks!.counts.flaky).toEqual({ control: 1, treatment: 2 });
  });

  it('gives pass@k and pass^k per arm over the repetitions', () => {
    const report = analyze(
      tableOf(
        pairedRuns([
          { task: 'a', cold: { solved: 2 }, warm: { solved: 4 } },
          { task: 'b', cold: { solved: 0 }, warm: { solved: 3 } },
          { task: 'c', cold: { solved: 1 }, warm: { solved: 1 } },
        ]),
      ),
      CONFIG,
      INPUT,
    );
    const pass = report.tasks!.passAtK!;
    expect(pass.k).toBe(4);
    expect(pass.tasks).toBe(3);
    // With k = n every task counts 1 if any session solved it (pass@k), all did (pass^k).
    expect(pass.control).toEqual({ passAtK: 2 / 3, passHatK: 0 });
    expect(pass.treatment).toEqual({ passAtK: 1, passHatK: 1 / 3 });
  });

  it('compares the primary metric task by task: values, difference, win, loss and tie', () => {
    const report = analyze(
      tableOf(
        pairedRuns([
          { task: 'better', cold: { failed: 20 }, warm: { failed: 10 } },
          { task: 'worse', cold: { failed: 10 }, warm: { failed: 15 } },
          { task: 'same', cold: { failed: 12 }, warm: { failed: 12 } },
        ]),
      ),
      CONFIG,
      INPUT,
    );
    const tasks = report.tasks!;
    expect(tasks.metric).toBe('tool_error_rate');
    const rows = new Map(tasks.rows.map((row) => [row.task, row]));
    expect(rows.get('better')).toMatchObject({ control: 0.2, treatment: 0.1, outcome: 'win' });
    expect(rows.get('better')!.difference).toBeCloseTo(-0.1, 12);
    expect(rows.get('worse')).toMatchObject({
      outcome: 'loss',
      sessions: { control: 4, treatment: 4 },
    });
    expect(rows.get('same')).toMatchObject({ difference: 0, outcome: 'tie' });
    expect(tasks.counts).toMatchObject({ paired: 3, wins: 1, losses: 1, ties: 1 });
    // Leaving `better` out moves the mean difference (-0.05 / 3) up by 0.0625 / 2.
    expect(rows.get('better')!.influence).toBeCloseTo((-0.05 / 3 + 0.1) / 2, 12);
    expect(tasks.rows[0]!.task).toBe('better');
  });

  it('says when a verdict is carried by one task', () => {
    const table = carriedByOneTask();
    const report = analyze(table, CONFIG, INPUT);
    expect(report.recommendation.verdict).toBe('adopt');
    const { restsOn, checks } = report.tasks!.robustness!;
    expect(restsOn).toMatchObject({ kind: 'task', name: 'task-4', sessions: 12 });
    // The most influential task is checked first, and the check stops at the first that changes it.
    expect(checks[0]).toEqual(restsOn);
    const without = analyze(carriedByOneTask(1), CONFIG, INPUT);
    expect(without.recommendation.verdict).toBe(restsOn!.verdict);
    expect(without.recommendation.verdict).not.toBe('adopt');
  });

  it('re-analyses without some rows as a table built without them', () => {
    const table = carriedByOneTask();
    const codes = table.codes('task_id');
    const four = table.labels('task_id').indexOf('task-4');
    const without = recommendationWithout(
      table,
      CONFIG,
      metricsOf(table, CONFIG),
      (row) => codes[row] === four,
      [],
    );
    expect(without).toEqual(analyze(carriedByOneTask(1), CONFIG, INPUT).recommendation);
    expect(without.verdict).not.toBe(analyze(table, CONFIG, INPUT).recommendation.verdict);
  });

  it("keeps the experiment's metrics: a guardrail whose sessions were all left out has none", () => {
    // `retries` is only in one session, of a third variant on task-0: leaving task-0 out leaves no
    // session with it, which a table built so would take for a misspelt metric.
    const table = carriedByOneTask();
    table.add({
      session_id: 'other-1',
      variant: 'other',
      task_id: 'task-0',
      metrics: { retries: 2 },
    } as SessionRecord);
    const config = { ...CONFIG, metrics: { retries: { role: 'guardrail' as const } } };
    const codes = table.codes('task_id');
    const zero = table.labels('task_id').indexOf('task-0');
    const leaveOut = (row: number) => codes[row] === zero;
    const without = recommendationWithout(table, config, metricsOf(table, config), leaveOut, []);
    const rest = tableOf(
      pairedRuns(
        [1, 2, 3, 4].map((i) => ({
          task: `task-${i}`,
          cold: { sessions: i === 4 ? 6 : 2, failed: 20 },
          warm: { sessions: i === 4 ? 6 : 2, failed: 20 + [-2, 1, -1, 1, -25][i]! },
        })),
      ),
    );
    // As the same sessions analysed without the metric: a guardrail with no sessions decides nothing.
    expect(without).toEqual(analyze(rest, CONFIG, INPUT).recommendation);
    // The whole analysis with that metric configured checks its verdict as without it.
    expect(analyze(table, config, INPUT).tasks!.robustness).toEqual(
      analyze(table, CONFIG, INPUT).tasks!.robustness,
    );
  });

  it('finds that a verdict spread over many tasks does not rest on one, nor on a category', () => {
    const runs = pairedRuns(
      Array.from({ length: 12 }, (_, i) => ({
        task: `task-${i}`,
        cold: { failed: 20, category: i % 4 === 3 ? 'docs' : 'bugfix' },
        warm: { failed: 10 - (i % 4), category: i % 4 === 3 ? 'docs' : 'bugfix' },
      })),
    );
    const report = analyze(tableOf(runs), CONFIG, INPUT);
    expect(report.recommendation.verdict).toBe('adopt');
    const { restsOn, checks } = report.tasks!.robustness!;
    expect(restsOn).toBeNull();
    expect(checks.filter((c) => c.kind === 'task')).toHaveLength(3);
    expect(checks.filter((c) => c.kind === 'category')).toHaveLength(1);
    expect(checks.every((c) => c.verdict === 'adopt' && c.winner === 'warm')).toBe(true);
  });

  it('is null when no task ran in both arms, and leaves unpaired tasks uncompared', () => {
    const apart = analyze(
      tableOf([
        { task: 'a', variant: 'cold', sessions: 3, solved: 1 },
        { task: 'b', variant: 'warm', sessions: 3, solved: 1 },
      ]),
      CONFIG,
      INPUT,
    );
    expect(apart.tasks).toBeNull();
    const some = analyze(
      tableOf([
        ...pairedRuns([{ task: 'both', cold: {}, warm: {} }]),
        { task: 'only-cold', variant: 'cold', sessions: 2, solved: 1 },
      ]),
      CONFIG,
      INPUT,
    );
    expect(some.tasks!.counts).toMatchObject({ paired: 1, controlOnly: 1, treatmentOnly: 0 });
    const onlyCold = some.tasks!.rows.find((row) => row.task === 'only-cold')!;
    expect(onlyCold).toMatchObject({ difference: null, outcome: null, influence: null });
    expect(onlyCold.sessions).toEqual({ control: 2, treatment: 0 });
  });
});

describe('pass@k and pass^k', () => {
  it('match the combinatorial definitions', () => {
    // 2 of 4 solved, k = 2: all pairs 6, pairs with no success 1, pairs with two successes 1.
    expect(passAtK(4, 2, 2)).toBeCloseTo(5 / 6, 12);
    expect(passHatK(4, 2, 2)).toBeCloseTo(1 / 6, 12);
    expect(passAtK(10, 0, 3)).toBe(0);
    expect(passHatK(10, 10, 3)).toBe(1);
    expect(passAtK(10, 8, 3)).toBe(1);
    // k = 1 is the success rate.
    expect(passAtK(7, 3, 1)).toBeCloseTo(3 / 7, 12);
    expect(passHatK(7, 3, 1)).toBeCloseTo(3 / 7, 12);
  });
});

/** The metrics the whole analysis resolves for `table`. */
function metricsOf(table: SessionTable, config: ExperimentConfig) {
  return resolveMetrics(config, {
    names: table.columnNames(),
    column: (name) => table.column(name),
  });
}
