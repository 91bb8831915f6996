import { afterEach, beforeEach, expect } from 'vitest';
import { startFakeGitHub, type FakeGitHub, type FakeRun } from '../support/fake-github/index.js';
import { inProcessLikeAChild, runActionInProcess } from '../support/run-action-in-process.js';
import { runAction, type ActionResult, type RunActionOptions } from '../support/run-action.js';
import { jsonl, workspace } from './sessions.js';

/** REST retries wait 10 ms here instead of a second (see src/github/environment.ts). */
export const FAST_RETRIES = { AB_VERDICT_RETRY_DELAY_MS: '10' };

/** A fresh fake per test; every request it got must have had a route. */
export function useFakeGitHub(): { readonly fake: FakeGitHub } {
  const holder: { fake?: FakeGitHub } = {};
  beforeEach(async () => {
    holder.fake = await startFakeGitHub();
  });
  afterEach(async () => {
    const fake = holder.fake;
    if (!fake) return;
    try {
      expect(fake.state.unhandled).toEqual([]);
    } finally {
      await fake.close();
    }
  });
  return {
    get fake() {
      if (!holder.fake) throw new Error('the fake starts in beforeEach');
      return holder.fake;
    },
  };
}

export interface StepOptions extends Partial<Omit<RunActionOptions, 'fake' | 'run'>> {
  run?: FakeRun;
  /** Records written to results/results.jsonl, and `results` pointed at it. */
  records?: object[];
  /**
   * Run the committed bundle in a child process, for what only a process proves: the bundle,
   * its exit code, runs at the same time. Implied by `node`. Default: `run` of src/main.ts in
   * this process (see runActionInProcess), where it can run as a child would.
   */
  bundle?: boolean;
}

/** Runs the action with these records as the run's results. */
export function step(fake: FakeGitHub, options: StepOptions = {}): Promise<ActionResult> {
  const { records = [], inputs = {}, run, bundle, ...rest } = options;
  const spawned = bundle === true || rest.node !== undefined || !inProcessLikeAChild;
  return (spawned ? runAction : runActionInProcess)({
    fake,
    run: run ?? fake.state.newRun(),
    cwd: rest.cwd ?? workspace({ 'results/results.jsonl': jsonl(records) }),
    inputs: { results: 'results/*.jsonl', experiment: 'exp', ...inputs },
    ...rest,
    env: { ...FAST_RETRIES, ...rest.env },
  });
}

/** Every annotation of a level, as text. */
export function annotations(result: ActionResult, level: 'error' | 'warning' | 'notice'): string[] {
  return result.annotations.filter((a) => a.level === level).map((a) => a.message);
}

/** The step's log, for failure messages. */
export function log(result: ActionResult): string {
  return `${result.stdout}\n${result.stderr}`;
}
