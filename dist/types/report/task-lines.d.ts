import type { Report } from '../analysis/report-types.js';
/**
 * The drill-down for the terminal: its sentences, and with `rows` the tasks as a table, most
 * influential first (every task the report lists: the terminal has no size limit).
 */
export declare function taskLines(report: Report, rows: boolean): string[];
