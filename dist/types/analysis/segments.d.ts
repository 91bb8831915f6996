import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionTable } from '../records/types.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { SegmentReport } from './report-types.js';
/**
 * The primary metric within each value of each configured field (`category`, `difficulty`, or
 * any top-level record field the table kept as a label), analysed as the whole experiment is,
 * with Benjamini–Hochberg across the values of one field: a breakdown is exploratory, and many
 * small segments would otherwise find "effects" by chance. A field no session has is an error.
 */
export declare function segmentBreakdowns(table: SessionTable, primary: MetricDefinition, config: ExperimentConfig): SegmentReport[];
