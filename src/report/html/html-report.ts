import { formatNumber, formatPercent, pEquals } from '../../analysis/format-number.js';
import type { Report } from '../../analysis/report-types.js';
import { methodSentence, testLabel } from '../method-sentence.js';
import {
  armCell,
  differenceCell,
  markCell,
  pValueCell,
  pValueFootnote,
  relativeCell,
  roleLabel,
  VERDICT_HEADLINES,
} from '../metric-cells.js';
import {
  passAtKSentence,
  restsOnSentence,
  robustnessSentence,
  tasksHeadline,
} from '../task-text.js';
import type { ReportView } from '../view.js';
import { escapeHtml } from './escape-html.js';
import { forestPlot } from './forest-plot.js';
import { liftChart } from './lift-chart.js';
import { SORT_SCRIPT, SORT_SCRIPT_HASH } from './sort-script.js';
import { STYLES } from './styles.js';
import { taskTable } from './task-table.js';

/**
 * The report as one self-contained HTML page: the verdict and its reasons, the forest plot of
 * every metric, the lift over the looks, the per-task table (sortable), and the method. No
 * request leaves the page (its Content-Security-Policy allows none), it follows the reader's
 * light or dark setting, and it prints.
 */
export function renderHtml(view: ReportView): string {
  const { report } = view;
  const title = `${VERDICT_HEADLINES[report.recommendation.verdict]} · ${report.experiment}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${SORT_SCRIPT_HASH}'; img-src data:">
<title>${escapeHtml(title)} · ab-verdict</title>
<style>${STYLES}</style>
</head>
<body>
${[
  verdictSection(view),
  metricsSection(report),
  historySection(view),
  tasksSection(report),
  methodSection(report),
].join('\n')}
<footer>ab-verdict · ${escapeHtml(report.experiment)} · ${escapeHtml(report.treatment)} vs ${escapeHtml(report.control)}</footer>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}

function verdictSection(view: ReportView): string {
  const { report, store } = view;
  const rec = report.recommendation;
  const sessions = `${report.sessions[report.control] ?? 0} ${report.control} and ${report.sessions[report.treatment] ?? 0} ${report.treatment} sessions`;
  const warnings = [
    ...(store?.failure ? [store.failure] : []),
    ...[restsOnSentence(report.tasks)].filter((s): s is string => s !== null),
    ...report.warnings,
  ];
  return `<header>
<h1>${escapeHtml(report.experiment)}: ${escapeHtml(report.treatment)} vs ${escapeHtml(report.control)}</h1>
<p class="muted">${escapeHtml(sessions)}</p>
</header>
<section id="verdict" class="verdict ${rec.verdict}">
<p><span class="badge">${escapeHtml(VERDICT_HEADLINES[rec.verdict])}${rec.winner ? `: ${escapeHtml(rec.winner)}` : ''}</span>${escapeHtml(rec.reason)}</p>
${typeof rec.sessionsNeeded === 'number' ? `<p>To decide: about ${rec.sessionsNeeded} sessions per arm.</p>` : ''}
</section>
${warnings.map((w) => `<p class="warning">${escapeHtml(w)}</p>`).join('\n')}`;
}

function metricsSection(report: Report): string {
  const rows = report.metrics.map(
    (m) =>
      `<tr class="${m.direction}"><td>${escapeHtml(m.name)}</td><td>${roleLabel(m)}</td><td class="num">${escapeHtml(armCell(m.control))}</td><td class="num">${escapeHtml(armCell(m.treatment))}</td><td class="num">${escapeHtml(differenceCell(m))}</td><td class="num">${escapeHtml(relativeCell(m))}</td><td class="num">${escapeHtml(pValueCell(m))}</td><td class="mark ${m.direction === 'better' ? 'win' : m.direction === 'worse' ? 'loss' : ''}">${markCell(m)}</td></tr>`,
  );
  const { control, treatment } = report;
  return `<section id="metrics">
<h2>Every metric</h2>
${forestPlot(report)}
<div class="wide">
<table id="metric-table">
<thead><tr><th>metric</th><th>role</th><th class="num">${escapeHtml(control)}</th><th class="num">${escapeHtml(treatment)}</th><th class="num">${escapeHtml(treatment)} − ${escapeHtml(control)}</th><th class="num">relative</th><th class="num">p</th><th></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
<p class="muted">${Math.round((1 - report.analysis.alpha) * 100)}% intervals. ✓ better, ✗ worse, ~ no significant difference. ${escapeHtml(pValueFootnote(report))}</p>
</section>`;
}

function historySection(view: ReportView): string {
  const primary = view.report.metrics.find((m) => m.role === 'primary')?.name ?? 'primary metric';
  const chart = liftChart(view.history, primary);
  return `<section id="history">
<h2>${escapeHtml(primary)}: relative lift over the looks</h2>
${chart ?? '<p class="muted">No history yet: the lift over the runs appears once the store has kept two looks at this experiment.</p>'}
${chart ? '<p class="muted">Line: the estimate at each look; band: its interval.</p>' : ''}
</section>`;
}

function tasksSection(report: Report): string {
  const tasks = report.tasks;
  if (!tasks) {
    return `<section id="tasks">
<h2>Per task</h2>
<p class="muted">No task ran in both variants, so there is nothing to compare task by task.</p>
</section>`;
  }
  const sentences = [
    tasksHeadline(report, tasks),
    passAtKSentence(report, tasks),
    robustnessSentence(tasks),
  ].filter((s): s is string => s !== null);
  const omitted =
    tasks.omittedRows > 0
      ? `<p class="muted">${tasks.omittedRows} less influential tasks are counted above but not listed.</p>`
      : '';
  return `<section id="tasks">
<h2>Per task</h2>
${sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join('\n')}
<p class="muted">Click a column to sort. ✓ ${escapeHtml(report.treatment)} better on the task, ✗ worse, = tied. Influence: how far the mean of the per-task differences moves without the task.</p>
<div class="scroll">
${taskTable(report)}
</div>
${omitted}
</section>`;
}

function methodSection(report: Report): string {
  const { analysis, srm } = report;
  const tests = report.metrics
    .map(
      (m) =>
        `<li>${escapeHtml(m.name)}: ${escapeHtml(testLabel(m))}${m.notes.length > 0 ? ` (${escapeHtml(m.notes.join(' '))})` : ''}</li>`,
    )
    .join('\n');
  return `<section id="method">
<h2>Method</h2>
<p>${escapeHtml(analysis.design)}</p>
<p>${escapeHtml(methodSentence(report))}</p>
<ul>
<li>Significance level ${formatNumber(analysis.alpha)}; equivalence margin ±${escapeHtml(formatPercent(analysis.equivalenceMargin, false))} of ${escapeHtml(report.control)}; minimum effect ${escapeHtml(formatPercent(analysis.minEffect, false))} at ${escapeHtml(formatPercent(analysis.power, false))} power.</li>
<li>Sample ratio: χ² = ${formatNumber(srm.statistic)}, ${escapeHtml(pEquals(srm.pValue))} against ${srm.expected.map((s) => formatNumber(s)).join('/')}${srm.mismatch ? ' (mismatch)' : ''}.</li>
</ul>
<p>Tests:</p>
<ul>
${tests}
</ul>
</section>`;
}
