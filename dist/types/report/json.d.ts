import type { Report } from '../analysis/report-types.js';
/** The report contract v1 as printed by `--json` and written to `report-json`. */
export declare function renderJson(report: Report): string;
