import { normalCdf, normalQuantile } from './distributions.js';

/**
 * Two-sided group-sequential boundaries with Lan–DeMets O'Brien–Fleming-type α spending, as
 * R's `rpact::getDesignGroupSequential(typeOfDesign = "asOF", sided = 2)` and gsDesign's `sfLDOF`
 * compute them: each side spends s(t) = 2 − 2Φ(z₁₋α/₄ / √t) of the information fraction t, so the
 * two sides together spend α at t = 1 and almost nothing early.
 *
 * Looks at information fractions t₁ < t₂ < … (the sessions at each look over the planned total,
 * capped at 1). The boundary cₖ is the |Z| that, with the boundaries of the earlier looks, makes the
 * probability of first crossing at look k under the null equal to the α spent between t₍ₖ₋₁₎ and
 * tₖ. Computed by the numerical integration of Armitage, McPherson and Rowe on the grid of
 * Jennison and Turnbull (2000, ch. 19), Simpson's rule; accurate to about 1e-7 in cₖ.
 */
export interface GroupSequentialLook {
  /** Information fraction of the look, in (0, 1]. */
  readonly fraction: number;
  /** |Z| at or beyond which the look rejects; Infinity when the look spends no α. */
  readonly boundary: number;
  /** The two-sided fixed-horizon level equivalent to the boundary: 2(1 − Φ(boundary)). */
  readonly nominalAlpha: number;
  /** Cumulative two-sided α spent up to and including this look. */
  readonly spent: number;
}

/** Per-side α spent at information fraction t, for a two-sided design of level alpha. */
export function obrienFlemingSpending(alpha: number, t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha / 2;
  return 2 * normalCdf(-normalQuantile(1 - alpha / 4) / Math.sqrt(t));
}

/** Grid points per unit of standard deviation (Jennison and Turnbull's r). */
const FINE_GRID = 32;
/** Coarser grid for the repeated p-value's table: boundaries to about 1e-6. */
const COARSE_GRID = 16;
/** A boundary this far out spends less than 1e-300: treated as no boundary. */
const MAX_BOUNDARY = 37;

/**
 * The boundaries of every look, given the information fractions in increasing order. Fractions
 * above 1 count as 1 (the planned size was reached); a fraction that does not exceed the previous
 * one is not a new look and throws a RangeError, as does one outside (0, ∞) or alpha outside (0, 1).
 */
export function groupSequentialBoundaries(
  fractions: readonly number[],
  alpha: number,
  grid = FINE_GRID,
): readonly GroupSequentialLook[] {
  // Every metric of a report, and every report of a run that analyses after each round, asks for
  // the same looks again; the integration is the costly part, so recent answers are kept.
  const key = `${alpha}|${grid}|${fractions.join(',')}`;
  const cached = boundaryCache.get(key);
  if (cached) return cached;
  const looks = Object.freeze(
    computeBoundaries(fractions, alpha, grid).map((l) => Object.freeze(l)),
  );
  if (boundaryCache.size >= 256) boundaryCache.delete(boundaryCache.keys().next().value!);
  boundaryCache.set(key, looks);
  return looks;
}

const boundaryCache = new Map<string, readonly GroupSequentialLook[]>();

function computeBoundaries(
  fractions: readonly number[],
  alpha: number,
  grid: number,
): GroupSequentialLook[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const looks: GroupSequentialLook[] = [];
  // The density of Z at the last look on its continuation region, as grid points and weights.
  let density: { z: Float64Array; weight: Float64Array } | null = null;
  let previous = 0;
  let spentPerSide = 0;
  for (const raw of fractions) {
    if (!(raw > 0) || !Number.isFinite(raw)) {
      throw new RangeError(`information fractions must be positive, got ${raw}`);
    }
    const t = Math.min(1, raw);
    if (t <= previous) throw new RangeError('information fractions must increase');
    const target = obrienFlemingSpending(alpha, t) - spentPerSide;
    const boundary =
      density === null ? firstBoundary(target) : nextBoundary(density, previous, t, target);
    spentPerSide += target;
    looks.push({
      fraction: t,
      boundary,
      nominalAlpha: Number.isFinite(boundary) ? 2 * normalCdf(-boundary) : 0,
      spent: 2 * spentPerSide,
    });
    density = continuation(density, previous, t, Math.min(boundary, MAX_BOUNDARY), grid);
    previous = t;
  }
  return looks;
}

function firstBoundary(perSide: number): number {
  if (perSide <= 0) return Infinity;
  const c = -normalQuantile(perSide);
  return c > MAX_BOUNDARY ? Infinity : c;
}

/** P(first crossing at this look), one side, for boundary c: a function decreasing in c. */
function crossing(
  grid: { z: Float64Array; weight: Float64Array },
  before: number,
  t: number,
  c: number,
): number {
  const scale = Math.sqrt(t - before);
  const root = Math.sqrt(before);
  const edge = c * Math.sqrt(t);
  let sum = 0;
  for (let i = 0; i < grid.z.length; i++) {
    const s = grid.z[i]! * root;
    // Both sides together, halved: the density is symmetric, so this is one side's probability.
    sum += grid.weight[i]! * (normalCdf((-edge - s) / scale) + normalCdf((-edge + s) / scale));
  }
  return sum / 2;
}

function nextBoundary(
  grid: { z: Float64Array; weight: Float64Array },
  before: number,
  t: number,
  perSide: number,
): number {
  if (perSide <= 0 || crossing(grid, before, t, MAX_BOUNDARY) >= perSide) return Infinity;
  if (crossing(grid, before, t, 0) <= perSide) return 0;
  // Newton's method from the boundary that ignores the earlier looks, kept inside a bracket that
  // bisection shrinks whenever a step would leave it.
  let low = 0;
  let high = MAX_BOUNDARY;
  let c = Math.min(MAX_BOUNDARY, -normalQuantile(perSide));
  for (let i = 0; i < 100; i++) {
    const { probability, slope } = crossingWithSlope(grid, before, t, c);
    if (probability > perSide) low = c;
    else high = c;
    const step = (probability - perSide) / slope;
    let next = c - step;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - c) < 1e-12 * Math.max(1, c) || high - low < 1e-12) return next;
    c = next;
  }
  return c;
}

/** `crossing` and its derivative in c (negative: a wider boundary is crossed less often). */
function crossingWithSlope(
  grid: { z: Float64Array; weight: Float64Array },
  before: number,
  t: number,
  c: number,
): { probability: number; slope: number } {
  const scale = Math.sqrt(t - before);
  const root = Math.sqrt(before);
  const rootT = Math.sqrt(t);
  const edge = c * rootT;
  let probability = 0;
  let density = 0;
  for (let i = 0; i < grid.z.length; i++) {
    const s = grid.z[i]! * root;
    const lower = (-edge - s) / scale;
    const upper = (-edge + s) / scale;
    probability += grid.weight[i]! * (normalCdf(lower) + normalCdf(upper));
    density += grid.weight[i]! * (normalDensity(lower) + normalDensity(upper));
  }
  return { probability: probability / 2, slope: (-density * rootT) / scale / 2 };
}

/**
 * The null density of Zₖ on (−c, c), as Simpson weights times the density at J&T's grid points:
 * at the first look the standard normal; later the previous density convolved with the increment.
 */
function continuation(
  previousGrid: { z: Float64Array; weight: Float64Array } | null,
  before: number,
  t: number,
  c: number,
  r: number,
): { z: Float64Array; weight: Float64Array } {
  const z = simpsonPoints(c, r);
  const weight = simpsonWeights(z);
  if (previousGrid === null) {
    for (let i = 0; i < z.length; i++) weight[i] = weight[i]! * normalDensity(z[i]!);
    return { z, weight };
  }
  const scale = Math.sqrt(t - before);
  const rootBefore = Math.sqrt(before);
  const rootNow = Math.sqrt(t);
  for (let i = 0; i < z.length; i++) {
    let density = 0;
    for (let j = 0; j < previousGrid.z.length; j++) {
      const x = (z[i]! * rootNow - previousGrid.z[j]! * rootBefore) / scale;
      density += previousGrid.weight[j]! * normalDensity(x);
    }
    weight[i] = weight[i]! * density * (rootNow / scale);
  }
  return { z, weight };
}

/** J&T's grid on (−c, c): dense near 0, logarithmically spaced in the tails, with midpoints. */
function simpsonPoints(c: number, r: number): Float64Array {
  const base: number[] = [];
  for (let i = 1; i <= 6 * r - 1; i++) {
    if (i <= r - 1) base.push(-3 - 4 * Math.log(r / i));
    else if (i <= 5 * r) base.push(-3 + (3 * (i - r)) / (2 * r));
    else base.push(3 + 4 * Math.log(r / (6 * r - i)));
  }
  const inside = base.filter((x) => x > -c && x < c);
  const ends = [-c, ...inside, c];
  const points: number[] = [];
  for (let i = 0; i < ends.length; i++) {
    points.push(ends[i]!);
    if (i + 1 < ends.length) points.push((ends[i]! + ends[i + 1]!) / 2);
  }
  return Float64Array.from(points);
}

/** Simpson weights for odd-length points whose odd entries are midpoints of their neighbours. */
function simpsonWeights(points: Float64Array): Float64Array {
  const weights = new Float64Array(points.length);
  for (let i = 0; i + 2 < points.length; i += 2) {
    const h = points[i + 2]! - points[i]!;
    weights[i] = weights[i]! + h / 6;
    weights[i + 1] = weights[i + 1]! + (4 * h) / 6;
    weights[i + 2] = weights[i + 2]! + h / 6;
  }
  return weights;
}

function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * The repeated p-value of a look (Jennison & Turnbull 2000, §9.3): the smallest overall level α′
 * at which this look's boundary would be crossed, given the fixed-horizon p-value `nominalP` of the
 * look's test and the looks' information fractions. A p-value below α exactly when the look's
 * nominal level at α is beaten; taking the minimum over looks is still valid. The nominal level of
 * the last look as a function of α′ is tabulated once per set of fractions and interpolated
 * (log–log, monotone), which is accurate to about 1e-4 relative.
 */
export function repeatedPValue(fractions: readonly number[], nominalP: number): number {
  if (!(nominalP > 0)) return 0;
  const table = nominalTable(fractions);
  // table: ascending α′ with ascending nominal level at the last look. Empty when the look spends
  // nothing at any α′ (a first look at a tiny fraction): it cannot reject at any level.
  if (table.length === 0 || nominalP >= table[table.length - 1]!.nominal) return 1;
  if (nominalP <= table[0]!.nominal) {
    // Below the table: the ratio of the two levels is nearly constant in the far tail.
    return Math.max(0, (table[0]!.alpha * nominalP) / table[0]!.nominal);
  }
  let i = 1;
  while (table[i]!.nominal < nominalP) i++;
  const a = table[i - 1]!;
  const b = table[i]!;
  const share = Math.log(nominalP / a.nominal) / Math.log(b.nominal / a.nominal);
  return Math.exp(Math.log(a.alpha) + share * Math.log(b.alpha / a.alpha));
}

const TABLE_ALPHAS = [
  1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.2,
  0.3, 0.45, 0.6, 0.8, 0.999999,
];
const tables = new Map<string, { alpha: number; nominal: number }[]>();

function nominalTable(fractions: readonly number[]): { alpha: number; nominal: number }[] {
  const key = fractions.join(',');
  const cached = tables.get(key);
  if (cached) return cached;
  const rows = TABLE_ALPHAS.map((alpha) => {
    const looks = groupSequentialBoundaries(fractions, alpha, COARSE_GRID);
    return { alpha, nominal: looks[looks.length - 1]!.nominalAlpha };
  }).filter((row) => row.nominal > 0);
  if (tables.size >= 256) tables.delete(tables.keys().next().value!);
  tables.set(key, rows);
  return rows;
}
