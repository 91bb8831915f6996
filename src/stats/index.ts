export { benjaminiHochberg, holm } from './adjust.js';
export { ratioArm, ratioDifference, relativeLift } from './delta-method.js';
export type { LiftInputs, RatioArm, RatioDifference } from './delta-method.js';
export { chiSquareSurvival, normalCdf, normalQuantile, tCdf, tQuantile } from './distributions.js';
export { fisherExact } from './fisher.js';
export { mannWhitneyTest } from './mann-whitney.js';
export type { MannWhitneyResult } from './mann-whitney.js';
export {
  minimumDetectableEffect,
  minimumSessionsForSignificance,
  sessionsPerArm,
} from './power.js';
export type { DetectableEffectInputs, SampleSizeInputs } from './power.js';
export { newcombeDifference, wilsonInterval } from './proportions.js';
export { isUnavailable, unavailable } from './result.js';
export type { Interval, Maybe, Unavailable } from './result.js';
export { sampleRatioMismatch } from './srm.js';
export { summarize } from './summary.js';
export type { Summary } from './summary.js';
export { welchFromMoments, welchTest } from './welch.js';
export type { TwoArmMoments, WelchResult } from './welch.js';
