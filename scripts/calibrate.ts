/**
 * `npm run calibrate`: simulates agent-like A/B experiments, analyses each after every one of its
 * 20 runs with the real `analyze()`, sequential and fixed-horizon, and prints the A/A
 * false-positive rate, the coverage of the 95% intervals and the power at a stated effect as
 * Markdown. Exits non-zero only when something crashes, never because a target is missed.
 *
 *   npm run calibrate -- [--sims N] [--seed S] [--workers W] [--quick]
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { formatReport } from './calibration/format.js';
import { runJobs } from './calibration/pool.js';
import { plannedStudies, studyJobs, summarizeStudy } from './calibration/study.js';

const DEFAULT_SIMS = 4000;
const QUICK_SIMS = 100;

interface Options {
  sims: number;
  seed: number;
  workers: number;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      sims: { type: 'string' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: String(availableParallelism()) },
      quick: { type: 'boolean', default: false },
    },
  });
  const sims = values.sims ?? String(values.quick ? QUICK_SIMS : DEFAULT_SIMS);
  return {
    sims: positiveInteger('--sims', sims),
    seed: positiveInteger('--seed', values.seed, 0),
    workers: positiveInteger('--workers', values.workers),
  };
}

function positiveInteger(flag: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${flag}: expected an integer ≥ ${minimum}, got "${text}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const studies = plannedStudies(options.sims);
  const jobsByStudy = studies.map((study) => studyJobs(study, options.seed));
  const results = await runJobs(jobsByStudy.flat(), options.workers);
  let next = 0;
  const summaries = studies.map((study, s) => {
    const count = jobsByStudy[s]!.length;
    next += count;
    return summarizeStudy(study, results.slice(next - count, next));
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(formatReport(summaries, { seed: options.seed, workers: options.workers, seconds }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
