import type { SessionTable } from '../records/types.js';
/**
 * The table without the rows `leaveOut` picks, for re-analysing the experiment with a task or a
 * category left out. Columns are copied on first use, so a re-analysis costs one pass per
 * column it reads and the original table is untouched.
 */
export declare function tableWithout(table: SessionTable, leaveOut: (row: number) => boolean): SessionTable;
