/**
 * The mixture tuning ρ of GrowthBook's and Eppo's sequential boundary:
 * ρ = √[(−2 ln α + ln(−2 ln α + 1)) / N*], where N* (`expectedSessions`, both arms together) is
 * the sample size at which decisions tend to be made. It makes the boundary narrowest near N*.
 *
 * Throws a RangeError when alpha is outside (0, 1) or expectedSessions is not a positive finite
 * number.
 */
export function mixtureTuning(alpha: number, expectedSessions: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(expectedSessions > 0 && Number.isFinite(expectedSessions))) {
    throw new RangeError(`expectedSessions must be a positive number, got ${expectedSessions}`);
  }
  const twoLogAlpha = -2 * Math.log(alpha);
  return Math.sqrt((twoLogAlpha + Math.log(twoLogAlpha + 1)) / expectedSessions);
}
