export { benjaminiHochberg, holm } from './adjust.js';
export { chanceToBeat } from './bayes.js';
export type { ChanceToBeatInputs } from './bayes.js';
export { capAtPercentile } from './capping.js';
export type { CappedArms } from './capping.js';
export { mixtureTuning } from './confidence-sequence.js';
export { ratioArm, ratioDifference } from './delta-method.js';
export type { RatioArm, RatioDifference } from './delta-method.js';
export { chiSquareSurvival, normalCdf, normalQuantile, tCdf, tQuantile } from './distributions.js';
export { fisherExact } from './fisher.js';
export { mannWhitneyTest } from './mann-whitney.js';
export type { MannWhitneyResult } from './mann-whitney.js';
export { newcombeDifference, wilsonInterval } from './proportions.js';
export { mean } from './moments.js';
export { isUnavailable, unavailable } from './result.js';
export type { Interval, Maybe, Unavailable } from './result.js';
export { sampleRatioMismatch } from './srm.js';
export { summarize } from './summary.js';
export type { Summary } from './summary.js';
export { welchFromMoments, welchTest } from './welch.js';
export type { TwoArmMoments, WelchResult } from './welch.js';
export { clusteredContrast } from './clustered-contrast.js';
export { exactUnconditionalPValue } from './exact-unconditional.js';
export type { BinaryHypothesis } from './exact-unconditional.js';
export { differenceScore, ratioScore } from './binary-score.js';
export type { TwoProportions } from './binary-score.js';
export { fiellerInterval } from './fieller.js';
export {
  groupSequentialBoundaries,
  obrienFlemingSpending,
  repeatedPValue,
} from './group-sequential.js';
export type { GroupSequentialLook } from './group-sequential.js';
export { independentContrast, satterthwaite } from './independent-contrast.js';
export { pairedContrast } from './paired-contrast.js';
export { permutationReference } from './permutation-reference.js';
export type { PermutationOptions, PermutationReference } from './permutation-reference.js';
export { invertTest } from './test-inversion.js';
export { absoluteT, differenceOf } from './units.js';
export type { Assignment, Contrast, ContrastOf, Units } from './units.js';
export { powerOfTwoScale, scaleForLargest } from './scaling.js';
