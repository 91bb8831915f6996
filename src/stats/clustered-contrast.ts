import { satterthwaite } from './independent-contrast.js';
import { eventFloor, type Assignment, type Contrast, type Units } from './units.js';

/**
 * Sessions clustered by task, the tasks not shared by the arms: each unit is one task's sessions
 * in one arm. Each arm's value is ΣM / ΣD over its clusters; its variance is the CR2
 * (Bell–McCaffrey) cluster-robust variance of that ratio,
 *   V = Σc (Mc − r·Dc)² / (1 − hc) / D²,   hc = Dc / D,
 * which for means is exactly CR2 for the regression of the value on the arm (clubSandwich's
 * `vcovCR(type = "CR2")`): the leverage of a cluster is its share of the arm's sessions. The
 * degrees of freedom are Bell and McCaffrey's Satterthwaite approximation under the working model
 * of independent sessions with a common variance (clubSandwich's `coef_test(test = "Satterthwaite")`),
 * which gives G − 1 for G equal clusters.
 *
 * For event counts an arm's variance is kept at or above that of independent sessions with the
 * event floor (`eventFloor`). Undefined (null) when an arm has fewer than 2 clusters, Σd = 0, or one cluster holds all of an
 * arm's denominator (leverage 1).
 */
export function clusteredContrast(units: Units, assignment: Assignment): Contrast | null {
  const arms = [armOf(units, assignment, 1), armOf(units, assignment, 0)];
  const [t, c] = arms;
  if (!t || !c) return null;
  // Working-model Satterthwaite for var(rT − rC) = σ²(1/nT + 1/nC): E and Var of each arm's CR2
  // estimate are σ²/n and 2σ⁴·tr(B²)/n⁴ (see armOf).
  const expected = 1 / t.sessions + 1 / c.sessions;
  const spread = t.trace2 / t.sessions ** 4 + c.trace2 / c.sessions ** 4;
  return {
    treatment: t.value,
    control: c.value,
    varT: t.variance,
    varC: c.variance,
    cov: 0,
    df: spread > 0 ? (expected * expected) / spread : satterthwaite(t.variance, 1, c.variance, 1),
  };
}

interface ClusteredArm {
  value: number;
  variance: number;
  /** Sessions (or denominator units) of the arm: n in the working model. */
  sessions: number;
  /** tr(B²) of the CR2 quadratic form under the working model. */
  trace2: number;
}

function armOf(units: Units, assignment: Assignment, arm: 0 | 1): ClusteredArm | null {
  const { m, d } = units;
  let sumM = 0;
  let sumD = 0;
  let clusters = 0;
  let sessions = 0;
  for (let i = 0; i < m.length; i++) {
    if (assignment[i] !== arm) continue;
    sumM += m[i]!;
    sumD += d[i]!;
    sessions += units.size[i]!;
    clusters++;
  }
  if (clusters < 2 || sumD === 0) return null;
  const value = sumM / sumD;
  let sum = 0;
  // tr(B²) = Σ n_c² + (1/n²)·[(Σ a_c n_c²)² − Σ a_c² n_c⁴], a_c = 1/(1 − n_c/n), with cluster sizes
  // n_c measured in denominator units (sessions for a mean).
  let weighted = 0;
  let weightedSquares = 0;
  let squares = 0;
  for (let i = 0; i < m.length; i++) {
    if (assignment[i] !== arm) continue;
    const leverage = d[i]! / sumD;
    if (leverage >= 1) return null;
    const residual = m[i]! - value * d[i]!;
    const a = 1 / (1 - leverage);
    sum += residual * residual * a;
    const size2 = d[i]! * d[i]!;
    squares += size2;
    weighted += a * size2;
    weightedSquares += a * a * size2 * size2;
  }
  const trace2 = squares + (weighted * weighted - weightedSquares) / (sumD * sumD);
  const floor = (eventFloor(units.events, sumM, sessions) * sessions) / (sumD * sumD);
  return { value, variance: Math.max(sum / (sumD * sumD), floor), sessions: sumD, trace2 };
}
