import type { Report } from '../../analysis/report-types.js';
/** The per-task table, sortable by any column; every task the report lists. */
export declare function taskTable(report: Report): string;
