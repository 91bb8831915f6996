import type { MetricReport, Report } from '../analysis/report-types.js';
/** Which analysis produced the intervals and p-values, in plain words. */
export declare function methodSentence(report: Report): string;
/** The test behind a metric's p-value: `permutation of the within-task t`, `sequential Welch's t`. */
export declare function testLabel(metric: Pick<MetricReport, 'test'> & Partial<Pick<MetricReport, 'method' | 'design' | 'scale'>>): string;
