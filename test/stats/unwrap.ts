import { expect } from 'vitest';
import { isUnavailable } from '../../src/stats/index.js';
import type { Maybe } from '../../src/stats/index.js';

/** Asserts a result is available and returns it. */
export function available<T>(result: Maybe<T>): T {
  if (isUnavailable(result)) expect.fail(`unexpectedly unavailable: ${result.unavailable}`);
  return result as T;
}
