import type { Design } from './design.js';
import type { ArmSamples } from './samples.js';
/**
 * Paired designs: how alike the arms' per-task values are. `correlation` is Pearson's over the
 * shared tasks; `varianceSaved` = 1 − Var(t − c)/(Var(t) + Var(c)), the share of the variance of
 * a comparison of task values that pairing them removes (negative when pairing hurts). Both null
 * with fewer than 3 shared tasks or a constant arm.
 */
export declare function taskCorrelation(design: Design, control: ArmSamples, treatment: ArmSamples): {
    correlation: number | null;
    varianceSaved: number | null;
};
