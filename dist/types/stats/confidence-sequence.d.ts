/**
 * The mixture tuning ρ of GrowthBook's and Eppo's sequential boundary:
 * ρ = √[(−2 ln α + ln(−2 ln α + 1)) / N*], where N* (`expectedSessions`, both arms together) is
 * the sample size at which decisions tend to be made. It makes the boundary narrowest near N*.
 *
 * Throws a RangeError when alpha is outside (0, 1) or expectedSessions is not a positive finite
 * number.
 */
export declare function mixtureTuning(alpha: number, expectedSessions: number): number;
