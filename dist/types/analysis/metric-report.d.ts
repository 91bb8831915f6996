import type { ExperimentConfig } from '../config/experiment-config.js';
import { type LookLevel } from './look-level.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport } from './report-types.js';
import type { ArmSamples } from './samples.js';
/**
 * One metric compared across the arms at this look, before the families of metrics set
 * `adjustedPValue`, `significant`, `direction` and the guardrail status.
 * `descriptive: false` leaves out what never decides: the classical reference tests (`tests`),
 * each arm's description beyond its n (`control`, `treatment`) and the task correlation; a
 * re-analysis that only needs the verdict skips their passes over every session.
 */
export declare function metricReport(definition: MetricDefinition, controlSamples: ArmSamples, treatmentSamples: ArmSamples, config: ExperimentConfig, look: LookLevel, descriptive?: boolean): MetricReport;
