/**
 * `npm run calibrate`: simulates agent-like A/B experiments in every regime of the grid
 * (`calibration/regimes.ts`), A/A and with an effect, analyses each with the real `analyze()`,
 * runs the 20-look sequential study, and prints the false-verdict rates, the coverage of the 95%
 * intervals and the power as Markdown. Exits non-zero only when something crashes, never because a
 * target is missed (the table says so).
 *
 *   npm run calibrate -- [--sims N] [--sequential-sims N] [--seed S] [--workers W] [--quick]
 *                        [--only id,id] [--no-sequential]
 *
 * The sequential study analyses every experiment at 20 looks with two methods (40 analyses, each
 * re-randomising up to 20,000 times), so `--sequential-sims` sets its own count (default: --sims).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { formatReport } from './calibration/format.js';
import type { Outcome } from './calibration/experiment.js';
import { SEQUENTIAL, slices, type Job } from './calibration/jobs.js';
import { runJobs } from './calibration/pool.js';
import { REGIMES } from './calibration/regimes.js';
import type { Trajectory } from './calibration/sequential.js';
import { summarizeRegime, summarizeSequential } from './calibration/summary.js';

const DEFAULT_SIMS = 2000;
const QUICK_SIMS = 200;
const JOB_SIZE = 50;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sims: { type: 'string' },
      'sequential-sims': { type: 'string' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: String(availableParallelism()) },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-sequential': { type: 'boolean', default: false },
    },
  });
  const sims = positiveInteger(
    '--sims',
    values.sims ?? String(values.quick ? QUICK_SIMS : DEFAULT_SIMS),
  );
  const sequentialSims = positiveInteger(
    '--sequential-sims',
    values['sequential-sims'] ?? String(sims),
  );
  const seed = positiveInteger('--seed', values.seed, 0);
  const workers = positiveInteger('--workers', values.workers);
  const only = values.only?.split(',').map((id) => id.trim());
  const regimes = REGIMES.filter((r) => !only || only.includes(r.id));
  const withSequential = !values['no-sequential'] && (!only || only.includes(SEQUENTIAL));

  const started = performance.now();
  const studies = [...regimes.map((r) => r.id), ...(withSequential ? [SEQUENTIAL] : [])];
  const jobs: Job[][] = studies.flatMap((study, s) =>
    (['aa', 'effect'] as const).map((scenario, k) =>
      slices(
        { study, scenario, seed, stream: 2 * s + k },
        study === SEQUENTIAL ? sequentialSims : sims,
        JOB_SIZE,
      ),
    ),
  );
  const results = await runJobs(jobs.flat(), workers);
  let next = 0;
  const take = () => {
    const count = jobs[next++]!.length;
    const flat = results.splice(0, count).flat();
    return flat;
  };
  const regimeSummaries = regimes.map((regime) =>
    summarizeRegime(regime, take() as Outcome[], take() as Outcome[]),
  );
  const sequential = withSequential
    ? summarizeSequential(take() as Trajectory[], take() as Trajectory[])
    : null;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    formatReport(regimeSummaries, sequential, {
      seed,
      sims,
      sequentialSims,
      workers,
      seconds,
    }),
  );
}

function positiveInteger(flag: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${flag}: expected an integer ≥ ${minimum}, got "${text}"`);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
