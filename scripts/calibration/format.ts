/** The calibration's output: Markdown tables and one verdict per target, ready for the README. */
import { DEFAULT_CONFIG, type Method } from '../../src/config/experiment-config.js';
import { AA, WORLD } from './generator.js';
import type { StudyResult } from './study.js';
import type { ModeSummary, Rate } from './summary.js';
import { meanErrorRate, meanSeconds, trueDifference, type PrimaryMetric } from './truth.js';

export const COVERAGE_TARGET = 0.94;
/** The looks shown in the table of the false-positive rate look by look. */
const SHOWN_LOOKS = [1, 2, 3, 5, 10, 15, 20];

type Status = '✓' | '≈' | '✗';

export interface RunFacts {
  seed: number;
  workers: number;
  seconds: number;
}

export function formatReport(results: readonly StudyResult[], facts: RunFacts): string {
  return [
    ...header(facts),
    '',
    ...aaTable(results),
    '',
    ...effectTable(results),
    '',
    ...byLookTable(results),
    '',
    ...verdicts(results),
    '',
    ...notes(results, facts),
  ].join('\n');
}

function header({ seed }: RunFacts): string[] {
  const { looks, tasksPerLook, sessionsPerTask, toolCalls, toolErrors, seconds } = WORLD;
  const { alpha, expectedSessions } = DEFAULT_CONFIG;
  const meanSessions = (sessionsPerTask[0] + sessionsPerTask[1]) / 2;
  const sessionsByEnd = looks * tasksPerLook * meanSessions * 2;
  return [
    `## Calibration (seed ${seed})`,
    '',
    `Each simulated experiment has ${looks} runs and is analysed by \`analyze()\` after every run.`,
    `Every run, both arms run the same ${tasksPerLook} new tasks, 1–2 sessions each per arm, so the`,
    `analysis pairs by task. A task's difficulty, shared by both arms, moves its tool calls`,
    `(Poisson, median ${toolCalls.median}), its tool error rate (${pct(toolErrors.median)} of calls for the median task,`,
    `${pct(meanErrorRate(), 1)} on average) and its completion time (log-normal, median ${seconds.median} s, mean`,
    `${meanSeconds().toFixed(0)} s). By the last run an experiment has about ${sessionsByEnd} sessions. α = ${alpha};`,
    `sequential analysis uses the default expectedSessions = ${expectedSessions}. Each rate is followed by`,
    `its 95% Wilson interval; N experiments, each analysed in both modes on the same sessions.`,
  ];
}

function aaTable(results: readonly StudyResult[]): string[] {
  const rows = results
    .filter((r) => r.study.scenario === AA)
    .flatMap(({ study, modes }) =>
      modes.map(({ method, summary: s }) =>
        cells([
          `\`${study.metric}\``,
          method,
          String(s.experiments),
          formatRate(s.anyLook),
          formatRate(s.finalLook),
          formatRate(s.coverageFinal),
          formatRate(s.coverageAll),
        ]),
      ),
    );
  return [
    `### A/A experiments (no true difference): false-positive rate and coverage`,
    '',
    cells([
      'Primary metric',
      'Mode',
      'N',
      `Significant at any of ${WORLD.looks} looks`,
      `Significant at look ${WORLD.looks} only`,
      `95% interval covers 0 at look ${WORLD.looks}`,
      `…at all ${WORLD.looks} looks`,
    ]),
    cells(['---', '---', '---:', '---', '---', '---', '---']),
    ...rows,
  ];
}

function effectTable(results: readonly StudyResult[]): string[] {
  const rows = results
    .filter((r) => r.study.scenario !== AA)
    .flatMap(({ study, modes }) =>
      modes.map(({ method, summary: s }) =>
        cells([
          `\`${study.metric}\``,
          effectLabel(study.metric, study.scenario),
          method,
          String(s.experiments),
          formatRate(s.powerAnyLook),
          formatRate(s.powerFinalLook),
          s.medianFirstDetection === null ? '–' : String(s.medianFirstDetection),
          formatRate(s.coverageFinal),
          formatRate(s.coverageAll),
        ]),
      ),
    );
  return [
    `### Experiments with an effect: power and coverage of the true difference`,
    '',
    cells([
      'Primary metric',
      'Effect (true difference)',
      'Mode',
      'N',
      'Significantly better at any look',
      `…at look ${WORLD.looks}`,
      'Median look of first detection',
      `Interval covers the truth at look ${WORLD.looks}`,
      `…at all ${WORLD.looks} looks`,
    ]),
    cells(['---', '---', '---', '---:', '---', '---', '---:', '---', '---']),
    ...rows,
  ];
}

function byLookTable(results: readonly StudyResult[]): string[] {
  const rows = results
    .filter((r) => r.study.scenario === AA)
    .flatMap(({ study, modes }) =>
      modes.map(({ method, summary }) =>
        cells([
          `\`${study.metric}\``,
          method,
          ...SHOWN_LOOKS.map((look) => summary.byLook[look - 1]!.value.toFixed(3)),
        ]),
      ),
    );
  return [
    `### A/A false-positive rate when looking after every run, by the number of looks so far`,
    '',
    cells(['Primary metric', 'Mode', ...SHOWN_LOOKS.map((look) => `${look}`)]),
    cells(['---', '---', ...SHOWN_LOOKS.map(() => '---:')]),
    ...rows,
  ];
}

function verdicts(results: readonly StudyResult[]): string[] {
  const alpha = DEFAULT_CONFIG.alpha;
  const lines: string[] = [];
  for (const metric of metricsOf(results)) {
    const aa = modeOf(results, metric, true, 'sequential');
    const fixed = modeOf(results, metric, true, 'fixed-horizon');
    if (!aa || !fixed) continue;
    lines.push(
      `- ${atMost(aa.anyLook, alpha)} \`${metric}\`, sequential: A/A false-positive rate over ${WORLD.looks} looks ${formatRate(aa.anyLook)} ≤ α = ${alpha} (N = ${aa.experiments}).`,
      `- Beside it, fixed-horizon: ${formatRate(fixed.anyLook)} over ${WORLD.looks} looks, ${(fixed.anyLook.value / alpha).toFixed(1)}× α; ${formatRate(fixed.finalLook)} when looked at once, at look ${WORLD.looks}.`,
    );
  }
  for (const metric of metricsOf(results)) {
    for (const method of ['sequential', 'fixed-horizon'] as const) {
      lines.push(coverageVerdict(results, metric, method));
    }
  }
  return [
    `### Targets`,
    '',
    `✓ met, ≈ within simulation error (the 95% interval holds the target), ✗ missed.`,
    '',
    ...lines,
  ];
}

/** Coverage at the last look in both scenarios, and at every look for sequential analysis. */
function coverageVerdict(
  results: readonly StudyResult[],
  metric: PrimaryMetric,
  method: Method,
): string {
  const cases: [string, Rate][] = [];
  for (const aa of [true, false]) {
    const summary = modeOf(results, metric, aa, method);
    if (!summary) continue;
    const name = aa ? 'A/A' : 'effect';
    cases.push([`${name}, look ${WORLD.looks}`, summary.coverageFinal]);
    if (method === 'sequential') cases.push([`${name}, all looks`, summary.coverageAll]);
  }
  const statuses = cases.map(([, r]) => atLeast(r, COVERAGE_TARGET));
  const status = statuses.includes('✗') ? '✗' : statuses.includes('≈') ? '≈' : '✓';
  const list = cases.map(([name, r]) => `${name} ${formatRate(r)}`).join('; ');
  return `- ${status} \`${metric}\`, ${method}: coverage ≥ ${COVERAGE_TARGET}: ${list}.`;
}

function notes(results: readonly StudyResult[], { workers, seconds }: RunFacts): string[] {
  const undefinedLooks = results.reduce(
    (sum, r) => sum + r.modes.reduce((s, m) => s + m.summary.undefinedLooks, 0),
    0,
  );
  const paired = Math.min(...results.flatMap((r) => r.modes.map((m) => m.summary.pairedShare)));
  return [
    `Power counts experiments significant in the right direction; the median look of first detection`,
    `is over the experiments detected. Fixed-horizon's "any look" figure is not a valid power: it`,
    `comes with the A/A rate over ${WORLD.looks} looks above. The true difference is the paired estimand, the`,
    `mean over tasks of the per-task treatment − control difference, computed from the generating`,
    `parameters (quadrature for the error rate, closed form for time). ${pct(paired, 1)} of looks were`,
    `analysed paired by task; ${undefinedLooks} looks had no p-value or interval.`,
    `Ran in ${seconds.toFixed(1)} s with ${workers} worker${workers === 1 ? '' : 's'}.`,
  ];
}

function effectLabel(metric: PrimaryMetric, scenario: StudyResult['study']['scenario']): string {
  const factor = metric === 'tool_error_rate' ? scenario.errorFactor : scenario.timeFactor;
  const truth = trueDifference(metric, scenario);
  const unit = metric === 'tool_error_rate' ? '' : ' s';
  const shown = metric === 'tool_error_rate' ? truth.toFixed(4) : truth.toFixed(1);
  return `${signed(pct(factor - 1))} (${shown.replace('-', '−')}${unit})`;
}

function metricsOf(results: readonly StudyResult[]): PrimaryMetric[] {
  return [...new Set(results.map((r) => r.study.metric))];
}

function modeOf(
  results: readonly StudyResult[],
  metric: PrimaryMetric,
  aa: boolean,
  method: Method,
): ModeSummary | undefined {
  const study = results.find((r) => r.study.metric === metric && (r.study.scenario === AA) === aa);
  return study?.modes.find((m) => m.method === method)?.summary;
}

function atMost(r: Rate, bound: number): Status {
  return r.ci[1] <= bound ? '✓' : r.ci[0] <= bound ? '≈' : '✗';
}

function atLeast(r: Rate, bound: number): Status {
  return r.ci[0] >= bound ? '✓' : r.ci[1] >= bound ? '≈' : '✗';
}

export function formatRate(r: Rate): string {
  if (r.n === 0) return '–';
  return `${r.value.toFixed(3)} [${r.ci[0].toFixed(3)}, ${r.ci[1].toFixed(3)}]`;
}

function cells(values: readonly string[]): string {
  return `| ${values.join(' | ')} |`;
}

function pct(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

function signed(text: string): string {
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}
