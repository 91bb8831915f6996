import { type Assignment, type Contrast, type Units } from './units.js';
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
export declare function clusteredContrast(units: Units, assignment: Assignment): Contrast | null;
