import { expect } from 'vitest';

const RELATIVE = 1e-9;
const ABSOLUTE_NEAR_ZERO = 1e-12;

let worstRelativeError = 0;

/**
 * Holds a computed value to a reference: relative error 1e-9, or absolute error 1e-12 for
 * values near zero. Arrays are compared element by element. Records the worst relative error seen.
 */
export function expectClose(
  actual: number | readonly number[],
  expected: number | readonly number[],
  label = '',
): void {
  if (typeof expected === 'number') {
    expect(typeof actual, label).toBe('number');
    closeScalar(actual as number, expected, label);
    return;
  }
  expect(Array.isArray(actual), label).toBe(true);
  const values = actual as readonly number[];
  expect(values.length, label).toBe(expected.length);
  expected.forEach((e, i) => closeScalar(values[i] as number, e, `${label}[${i}]`));
}

function closeScalar(actual: number, expected: number, label: string): void {
  expect(Number.isFinite(actual), `${label}: ${actual} is not finite`).toBe(true);
  const error = Math.abs(actual - expected);
  if (expected !== 0) worstRelativeError = Math.max(worstRelativeError, error / Math.abs(expected));
  const tolerance = Math.max(RELATIVE * Math.abs(expected), ABSOLUTE_NEAR_ZERO);
  expect(error, `${label}: got ${actual}, R says ${expected}`).toBeLessThanOrEqual(tolerance);
}

export function worstRelativeErrorSeen(): number {
  return worstRelativeError;
}
