import type { MetricKind } from '../config/experiment-config.js';
import type { MetricReport } from './report-types.js';
import type { ArmSamples } from './samples.js';
/** The classical tests' entry when none is run: every one null. */
export declare function noClassicalTests(): MetricReport['tests'];
/**
 * The classical fixed-horizon tests of independent samples, beside the comparison the verdict
 * uses: Welch and Mann–Whitney for values, Fisher and Newcombe for proportions, the delta method
 * for ratios. Each matches R to 1e-9; each is null where it is not defined.
 */
export declare function classicalTests(kind: MetricKind, control: ArmSamples, treatment: ArmSamples, level: number): MetricReport['tests'];
