import type { ExperimentConfig } from '../config/experiment-config.js';
import type { MetricDefinition } from './metric-definitions.js';
import type { MetricReport, Recommendation } from './report-types.js';
/**
 * The decision policy (README, "How ab-verdict decides"), after `applyFamilies`:
 * - insufficient-data: the primary metric cannot be tested, or no test of these sessions could
 *   reach alpha at all;
 * - reject: the primary metric or a guardrail is shown worse;
 * - adopt: the primary metric is shown better and no guardrail worse (with guardrail policy
 *   non-inferiority, every guardrail must also be shown within its margin; otherwise the verdict
 *   names the guardrails it could not show within their margins);
 * - no-difference: the primary metric's interval lies inside its equivalence margin;
 * - inconclusive: none of these yet.
 */
export declare function decide(metrics: MetricReport[], definitions: MetricDefinition[], config: ExperimentConfig): Recommendation;
