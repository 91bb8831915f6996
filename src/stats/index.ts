export { benjaminiHochberg, holm } from './adjust.js';
export { chanceToBeat } from './bayes.js';
export type { ChanceToBeatInputs } from './bayes.js';
export { capAtPercentile } from './capping.js';
export type { CappedArms } from './capping.js';
export { clusteredDifference, clusteredMean } from './clustered.js';
export type { ClusteredDifference, ClusteredMean } from './clustered.js';
export { mixtureTuning, sequentialInterval } from './confidence-sequence.js';
export type { SequentialInputs, SequentialInterval } from './confidence-sequence.js';
export { ratioArm, ratioDifference, relativeLift } from './delta-method.js';
export type { LiftInputs, RatioArm, RatioDifference } from './delta-method.js';
export { chiSquareSurvival, normalCdf, normalQuantile, tCdf, tQuantile } from './distributions.js';
export { fisherExact } from './fisher.js';
export { mannWhitneyTest } from './mann-whitney.js';
export type { MannWhitneyResult } from './mann-whitney.js';
export { pairedDifference } from './paired.js';
export type { PairedDifference } from './paired.js';
export { pairedMinimumDetectableEffect, pairedSessionsNeeded } from './paired-power.js';
export type { PairedDetectableEffectInputs, PairedSampleSizeInputs } from './paired-power.js';
export {
  minimumDetectableEffect,
  minimumSessionsForSignificance,
  sessionsPerArm,
} from './power.js';
export type { DetectableEffectInputs, SampleSizeInputs } from './power.js';
export { newcombeDifference, wilsonInterval } from './proportions.js';
export { mean } from './moments.js';
export { isUnavailable, unavailable } from './result.js';
export type { Interval, Maybe, Unavailable } from './result.js';
export { sampleRatioMismatch } from './srm.js';
export { summarize } from './summary.js';
export type { Summary } from './summary.js';
export { welchFromMoments, welchTest } from './welch.js';
export type { TwoArmMoments, WelchResult } from './welch.js';
