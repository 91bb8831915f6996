/** How much of the report to show; the Markdown drops detail level by level to fit a limit. */
export interface Detail {
  /** Metric table rows (the primary metric and guardrails come first). */
  metricRows: number;
  /** Rows of the history table (the latest). */
  historyRows: number;
  chart: boolean;
  /** The collapsed per-test table. */
  testDetails: boolean;
  /** Per-metric notes listed. */
  notes: number;
  /** Files read, variants and experiments left out. */
  inputDetails: boolean;
  /** Rows of the per-task drill-down (the most influential tasks). */
  taskRows: number;
  /** Store artifacts listed as read or skipped. */
  storeDetails: number;
  warnings: number;
}

const ALL = Number.POSITIVE_INFINITY;

/** From everything to the headline alone; the first that fits is used. */
export const DETAIL_LEVELS: readonly Detail[] = [
  {
    metricRows: ALL,
    historyRows: ALL,
    chart: true,
    testDetails: true,
    notes: ALL,
    taskRows: ALL,
    inputDetails: true,
    storeDetails: ALL,
    warnings: ALL,
  },
  {
    metricRows: ALL,
    historyRows: 20,
    chart: true,
    testDetails: true,
    notes: 100,
    taskRows: 50,
    inputDetails: true,
    storeDetails: 50,
    warnings: 50,
  },
  {
    metricRows: 200,
    historyRows: 10,
    chart: true,
    testDetails: false,
    notes: 0,
    taskRows: 30,
    inputDetails: true,
    storeDetails: 20,
    warnings: 20,
  },
  {
    metricRows: 50,
    historyRows: 5,
    chart: true,
    testDetails: false,
    notes: 0,
    taskRows: 20,
    inputDetails: false,
    storeDetails: 0,
    warnings: 10,
  },
  {
    metricRows: 10,
    historyRows: 0,
    chart: false,
    testDetails: false,
    notes: 0,
    taskRows: 10,
    inputDetails: false,
    storeDetails: 0,
    warnings: 5,
  },
  {
    metricRows: 1,
    historyRows: 0,
    chart: false,
    testDetails: false,
    notes: 0,
    taskRows: 0,
    inputDetails: false,
    storeDetails: 0,
    warnings: 3,
  },
];

export const FULL_DETAIL: Detail = DETAIL_LEVELS[0] as Detail;

/** GitHub refuses a comment body over 65,536 characters (HTTP 422). */
export const COMMENT_LIMIT_CHARACTERS = 65_536;
/** GitHub drops a step summary over 1 MiB whole. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** GitHub counts characters as code points, not UTF-16 units. */
export const countCharacters = (text: string): number => Array.from(text).length;

export const countBytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The first rendering, from the most detailed, whose size is within `limit`; `render` is told
 * whether detail was dropped so that it can say so. Past the last level the text is cut, which
 * the levels are sized never to need.
 */
export function fitToLimit(
  render: (detail: Detail, dropped: boolean) => string,
  measure: (text: string) => number,
  limit: number,
): { text: string; dropped: boolean } {
  for (const [index, detail] of DETAIL_LEVELS.entries()) {
    const text = render(detail, index > 0);
    if (measure(text) <= limit) return { text, dropped: index > 0 };
  }
  const last = render(DETAIL_LEVELS[DETAIL_LEVELS.length - 1] as Detail, true);
  let cut = [...last].slice(0, Math.floor(limit / 4)).join('');
  while (measure(cut) > limit) cut = cut.slice(0, Math.floor(cut.length / 2));
  return { text: cut, dropped: true };
}
