import { formatPercent } from '../analysis/format-number.js';
import type { Report } from '../analysis/report-types.js';
import { escapeClamped } from './escape.js';
import type { HistoryPoint } from './view.js';

/** This run's look at the experiment, for the store's history. */
export function historyPointOf(
  report: Report,
  run: { runId: number | null; attempt: number | null; sha: string | null; time: Date },
): HistoryPoint {
  const primary = report.metrics.find((metric) => metric.role === 'primary');
  const estimate = primary?.relative.estimate ?? null;
  return {
    runId: run.runId,
    attempt: run.attempt,
    sha: run.sha,
    time: run.time.toISOString(),
    sessions: {
      control: report.sessions[report.control] ?? 0,
      treatment: report.sessions[report.treatment] ?? 0,
    },
    verdict: report.recommendation.verdict,
    lift: estimate === null ? null : { estimate, ci: primary?.relative.ci ?? null },
    method: report.analysis.method,
  };
}

/** The sessions (both arms) of each earlier look, for the sequential design's boundary. */
export function looksOf(history: readonly Pick<HistoryPoint, 'sessions'>[]): number[] {
  return history.map((point) => point.sessions.control + point.sessions.treatment);
}

/** `6001`, or `6001 (attempt 2)`. */
export function runLabel(point: HistoryPoint): string {
  if (point.runId === null) return '—';
  return point.attempt !== null && point.attempt > 1
    ? `${point.runId} (attempt ${point.attempt})`
    : String(point.runId);
}

/** The history as a table, the last `rows` looks, numbered as in the chart. */
export function historyTable(history: readonly HistoryPoint[], rows: number): string[] {
  const first = Math.max(0, history.length - rows);
  const shown = history.slice(first);
  const lines = [
    '| look | run | commit | sessions | lift | interval | verdict |',
    '| ---: | --- | --- | ---: | ---: | --- | --- |',
    ...shown.map((point, index) => {
      const lift = point.lift;
      const interval = lift?.ci
        ? `[${formatPercent(lift.ci[0])}, ${formatPercent(lift.ci[1])}]`
        : '—';
      return `| ${first + index + 1} | ${escapeClamped(runLabel(point), 40)} | ${commitCell(point.sha)} | ${point.sessions.control} / ${point.sessions.treatment} | ${formatPercent(lift?.estimate)} | ${interval} | ${escapeClamped(point.verdict, 40)} |`;
    }),
  ];
  if (first > 0) lines.push('', `<sub>${first} earlier looks left out.</sub>`);
  return lines;
}

function commitCell(sha: string | null): string {
  if (sha === null) return '—';
  return /^[0-9a-f]{7,64}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : escapeClamped(sha, 12);
}
