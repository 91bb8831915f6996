import { fisherExact, isUnavailable } from '../stats/index.js';

/** One arm's sessions of a run: scheduled (in the rounds run), finished, and lost to infrastructure failures. */
export interface ArmAttrition {
  variant: string;
  scheduled: number;
  finished: number;
  lost: number;
}

/**
 * Attrition per arm, and whether it differs between the arms. Sessions lost to the
 * infrastructure are left out of the analysis; if one arm loses more (its command crashes on
 * some tasks), the sessions that remain are no longer comparable, as with a sample ratio
 * mismatch. The flag is Fisher's exact test of lost against scheduled sessions, two-sided.
 */
export interface Attrition {
  control: ArmAttrition;
  treatment: ArmAttrition;
  /** Null when no session was lost (nothing to test). */
  pValue: number | null;
  differs: boolean;
}

/** Attrition that differs at this level is flagged (a warning, like the sample-ratio check's). */
export const ATTRITION_THRESHOLD = 0.05;

export function attritionOf(control: ArmAttrition, treatment: ArmAttrition): Attrition {
  if (control.lost + treatment.lost === 0) {
    return { control, treatment, pValue: null, differs: false };
  }
  const test = fisherExact(treatment.lost, treatment.scheduled, control.lost, control.scheduled);
  const pValue = isUnavailable(test) ? null : test.pValue;
  return { control, treatment, pValue, differs: pValue !== null && pValue < ATTRITION_THRESHOLD };
}
