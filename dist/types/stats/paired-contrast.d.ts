import { type Assignment, type Contrast, type Units } from './units.js';
/**
 * Both arms ran the same tasks: each task (stratum) is compared with itself. In stratum j the
 * arms' values are Rⱼ = ΣM / ΣD of their sessions there; the arm value is Σ wⱼ·Rⱼ with weights
 * wⱼ ∝ nTⱼ·nCⱼ / (nTⱼ + nCⱼ) (the precision of a difference of two means; equal weights when the
 * tasks are balanced), so the difference is the weighted mean of the per-task differences.
 *
 * Variance, as the sessions allow:
 * - when both arms ran some task more than once, each arm's within-task variance per unit of
 *   denominator is pooled over its tasks, φₐ = Σ (m − Rⱼ·d)² / Σ Dₐⱼ·(nₐⱼ − 1)/nₐⱼ, and
 *   Var(arm value) = φₐ·Σ wⱼ²/Dₐⱼ; degrees of freedom by Satterthwaite from Σ (nₐⱼ − 1) per arm.
 *   For means (d = 1) φ is the pooled within-task variance and Dₐⱼ = nₐⱼ; for rates the residual
 *   variance of a session grows with its denominator (a session of 60 tool calls varies more than
 *   one of 5), and pooling per call keeps tasks with few calls from borrowing the variance of tasks
 *   with many. This is inference about these tasks (the task effects are held fixed), with the
 *   power of every session;
 * - otherwise (an arm ran every task once) the per-task differences are the only replication:
 *   Var = k/(k − 1)·Σ wⱼ²·(dⱼ − d̄)², k − 1 degrees of freedom, which is R's paired t-test when
 *   the weights are equal.
 *
 * For event counts each arm's variance (or, with between-task replication only, the difference's)
 * is kept at or above the event floors (`eventFloor`) spread over the tasks as the weights spread
 * them. Strata without both arms, or with a zero denominator in an arm, take no part. Undefined (null)
 * with no stratum left, or with one stratum and no within-task replication.
 */
export declare function pairedContrast(units: Units, assignment: Assignment): Contrast | null;
