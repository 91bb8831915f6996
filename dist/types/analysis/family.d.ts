import type { ExperimentConfig } from '../config/experiment-config.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport } from './report-types.js';
/**
 * Sets `adjustedPValue`, `significant`, `direction` and each guardrail's status, so that a verdict
 * keeps its error rate at alpha when the variants do not differ, however many metrics are logged:
 * - "better" is a claim about the primary metric alone, at alpha/2 on its side (two-sided alpha);
 * - "worse" claims (the primary metric worse, a guardrail worse) share the other alpha/2: one-sided
 *   tests of harm, Holm-adjusted together; their adjusted p-values are shown doubled, on the
 *   two-sided scale of the others;
 * - secondaries are descriptive: corrected among themselves with the configured correction, and a
 *   guardrail that improved is marked better by the same correction among the guardrails.
 * A guardrail's status says whether it was shown worse, shown within its margin (the harmful end of
 * its interval inside the margin: non-inferiority at the interval's level), or neither.
 */
export declare function applyFamilies(metrics: MetricReport[], definitions: MetricDefinition[], config: ExperimentConfig): MetricReport[];
