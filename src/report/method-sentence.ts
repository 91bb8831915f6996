import type { MetricReport, Report } from '../analysis/report-types.js';

/** Which analysis produced the intervals and p-values, in plain words. */
export function methodSentence(report: Report): string {
  const { method, expectedSessions, sequential } = report.analysis;
  if (method === 'sequential') {
    const where = sequential
      ? ` This is look ${sequential.look}, at ${Math.round(sequential.fractions.at(-1)! * 100)}% of the planned ${expectedSessions} sessions${sequential.final ? ' (the final look)' : ''}: its tests are held to p < ${formatLevel(sequential.nominalAlpha)}.`
      : '';
    return `Sequential analysis: a group-sequential design (O'Brien–Fleming α spending, final look at ${expectedSessions} sessions) whose error rate holds over every look; the p-values are repeated p-values, comparable with alpha.${where}`;
  }
  if (method === 'always-valid') {
    return `Always-valid analysis: a confidence sequence (tuned for ${expectedSessions} sessions) whose error rate holds however often and however long you look.`;
  }
  return 'Fixed-horizon analysis: valid for one look at a sample size chosen in advance; choose the sequential method when you check after every run.';
}

const TEST_LABELS: Record<NonNullable<MetricReport['test']>, string> = {
  welch: "Welch's t",
  pairedT: 't within tasks',
  clusteredT: 'task-clustered t (CR2)',
  permutation: 'permutation',
  exactUnconditional: 'exact unconditional',
  scoreMN: 'Miettinen–Nurminen score',
};

/** The test behind a metric's p-value: `permutation of the within-task t`, `sequential Welch's t`. */
export function testLabel(
  metric: Pick<MetricReport, 'test'> & Partial<Pick<MetricReport, 'method' | 'design' | 'scale'>>,
): string {
  if (metric.test === null) return '—';
  const prefix = !metric.method || metric.method === 'fixed-horizon' ? '' : `${metric.method} `;
  const scale = metric.scale === 'log' ? ' (log scale)' : '';
  if (metric.test === 'permutation') {
    const statistic =
      metric.design?.kind === 'paired'
        ? 'within-task t'
        : metric.design?.kind === 'clustered'
          ? 'task-clustered t'
          : "Welch's t";
    return `${prefix}permutation of the ${statistic}${scale}`;
  }
  return `${prefix}${TEST_LABELS[metric.test] ?? metric.test}${scale}`;
}

function formatLevel(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : String(Number(p.toPrecision(2)));
}
