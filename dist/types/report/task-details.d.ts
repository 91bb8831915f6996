import type { Report } from '../analysis/report-types.js';
/**
 * The per-task drill-down as a collapsed Markdown section: the counts, pass@k, whether the verdict
 * rests on one task, and the tasks, most influential first, at most `maxRows` of them (a note
 * says where the rest are).
 */
export declare function taskDetails(report: Report, maxRows: number, fullReport: string | null): string[];
