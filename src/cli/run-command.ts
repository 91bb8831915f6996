import { access, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, parseInputs, type SettingNames } from '../config/parse-inputs.js';
import { renderTerminal } from '../report/terminal.js';
import { loadExperiment, type Experiment } from '../run/load-experiment.js';
import { readResultsSoFar } from '../run/results-file.js';
import {
  RESULTS_FILE,
  runExperiment,
  type RunEvent,
  type RunResult,
} from '../run/run-experiment.js';
import { runReport, runReportFile } from '../run/run-report.js';
import { claimRunFolder } from '../run/run-folder.js';
import { formatProblem } from '../records/problems.js';
import { WHOLE, planSchedule, shardOf, type Shard } from '../run/schedule.js';
import { summaryText } from '../run/summary-text.js';
import { analyzeFiles } from './analyze-files.js';
import { parseFlags } from './parse-flags.js';
import { shouldDraw } from './progress.js';
import { progressBar, type StoreIO } from './store-command.js';
import { InputError, UsageError } from './usage-error.js';

export const RUN_HELP = `Usage: ab-verdict run <experiment.yml> --out <dir> [options]

Run every task of the experiment file in both variants, on a seeded schedule that keeps the
variants of a task together and interleaved, and print the verdict. Each finished session is
appended to <dir>/${RESULTS_FILE} at once; running the same command again resumes.

Options:
  --out <dir>        the results folder (required)
  --shard <i/n>      run only shard i of n (GitHub Actions matrix jobs; together: the whole schedule)
  --until-decided    after each round, analyse sequentially; stop at adopt, reject or no-difference
  --seed <n>         the schedule's seed (default: the file's seed)
  --quiet            no progress output
  -h, --help         show this help

Exit codes: 0 every session finished (a success or an agent failure), 1 some were lost to
infrastructure failures after every retry (listed), 2 usage error.`;

/** How the file names the analysis settings, for messages. */
const ANALYSIS_NAMES: SettingNames = {
  experiment: 'experiment',
  control: 'control',
  treatment: 'variants',
  primary: 'analysis.primary',
  alpha: 'analysis.alpha',
  minEffect: 'analysis.min-effect',
  equivalenceMargin: 'analysis.equivalence-margin',
  expectedSplit: 'analysis.expected-split',
  correction: 'analysis.correction',
  method: 'analysis.method',
  expectedSessions: 'analysis.expected-sessions',
  guardrailPolicy: 'analysis.guardrail-policy',
  capPercentile: 'analysis.cap',
  segments: 'analysis.segments',
  chanceToBeat: 'analysis.chance-to-beat',
  onInvalid: 'analysis.on-invalid',
  metrics: 'analysis.metrics',
};

export async function runCommand(args: string[], io: StoreIO): Promise<void> {
  const { values, positionals } = parseFlags('run', args, {
    out: { type: 'string' },
    shard: { type: 'string' },
    'until-decided': { type: 'boolean' },
    seed: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(RUN_HELP + '\n');
    return;
  }
  if (positionals.length !== 1) {
    throw new UsageError('expected one experiment file', 'run');
  }
  if (values.out === undefined || values.out.trim() === '') {
    throw new UsageError('--out: expected the results folder', 'run');
  }
  const shard = values.shard === undefined ? WHOLE : parseShard(values.shard);
  const untilDecided = values['until-decided'] === true;
  if (untilDecided && shard.count > 1) {
    throw new UsageError(
      '--until-decided needs every session of a round in one place: it cannot be combined with --shard',
      'run',
    );
  }
  const experiment = await loadExperiment(positionals[0]!, io.cwd);
  const seed = values.seed === undefined ? experiment.seed : parseSeed(values.seed);
  if (seed === undefined) {
    throw new UsageError(`no seed: give seed: in ${experiment.file}, or --seed <n>`, 'run');
  }
  await checkFilesExist(experiment);
  const schedule = planSchedule(experiment, seed);
  const config = parseInputs(
    { ...experiment.analysis, expectedSessions: String(schedule.length) },
    ANALYSIS_NAMES,
  );

  const out = resolve(io.cwd, values.out);
  const held = await claimRunFolder(out, { experiment: experiment.experiment, seed });
  if (held !== undefined) throw new UsageError(held, 'run');
  const soFar = await readResultsSoFar(join(out, RESULTS_FILE));
  if (soFar.problems.length > 0) {
    throw new InputError([
      ...soFar.problems.map(formatProblem),
      `ab-verdict: ${join(values.out, RESULTS_FILE)} cannot be resumed: fix or move it`,
    ]);
  }
  if (soFar.droppedTail !== undefined) {
    io.stderr(
      `ab-verdict: dropped the last line of ${join(values.out, RESULTS_FILE)}, cut short by a crash (${JSON.stringify(soFar.droppedTail)}); its session runs again\n`,
    );
  }

  const mine = shardOf(schedule, shard);
  const stopper = new AbortController();
  const stop = () => stopper.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const before = mine.filter((session) => soFar.finished.has(session.sessionId)).length;
  const progress = runProgress(io, values.quiet === true, experiment, mine.length, before);
  let result: RunResult;
  try {
    result = await runExperiment({
      experiment,
      schedule: mine,
      out,
      soFar,
      shard,
      host: hostname(),
      env: io.env ?? process.env,
      signal: stopper.signal,
      ...(untilDecided && { untilDecided: config }),
      onEvent: progress.event,
    });
  } finally {
    progress.finish();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }

  const report = runReport(result, experiment.experiment, seed, shard);
  await writeFile(join(out, runReportFile(shard)), `${JSON.stringify(report, null, 2)}\n`);
  const what = `${experiment.experiment}, seed ${seed}${shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : ''}`;
  io.stdout(summaryText(report, what));
  if (shard.count > 1) {
    io.stdout(
      `Analyse the ${RESULTS_FILE} of all ${shard.count} shards together for the verdict.\n`,
    );
  } else if (result.report) {
    io.stdout('\n' + renderTerminal(result.report));
  } else if (result.finished.size > 0 && result.stop.reason === 'complete') {
    const verdict = await analyzeFiles([join(out, RESULTS_FILE)], config, io);
    io.stdout('\n' + renderTerminal(verdict));
  }
  if (result.stop.reason === 'interrupted') {
    throw new InputError(['ab-verdict: interrupted; run the same command again to resume']);
  }
  if (result.lost.length > 0) {
    throw new InputError([
      `ab-verdict: ${result.lost.length} session${result.lost.length === 1 ? ' was' : 's were'} lost to infrastructure failures after every retry (run the same command again to retry them):`,
      ...report.lost.map(
        (lost) => `  ${lost.session_id} (${lost.attempts} attempts): ${lost.reason}`,
      ),
    ]);
  }
}

/** `2/3`: shard 2 of 3. */
function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      `--shard: expected i/n with 1 <= i <= n, e.g. 2/3, got ${JSON.stringify(text)}`,
      'run',
    );
  }
  return { index, count };
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed)) {
    throw new UsageError(
      `--seed: expected a whole number >= 0, got ${JSON.stringify(text)}`,
      'run',
    );
  }
  return seed;
}

/** Task files and context files are checked before any session runs. */
async function checkFilesExist(experiment: Experiment): Promise<void> {
  const wanted = [
    ...experiment.tasks.flatMap((task) =>
      task.files.map((file) => [`tasks ${task.id}: files`, file]),
    ),
    ...experiment.variants.flatMap((v) =>
      v.context ? [[`variants.${v.name}.context`, v.context]] : [],
    ),
  ];
  const missing: string[] = [];
  for (const [field, file] of wanted) {
    try {
      await access(file!);
    } catch {
      missing.push(`${experiment.file}: ${field}: no such file or directory: ${file}`);
    }
  }
  if (missing.length > 0) throw new ConfigError(missing);
}

/** A bar with ETA on a terminal; elsewhere (CI logs, pipes) one plain line per session. */
function runProgress(
  io: StoreIO,
  quiet: boolean,
  experiment: Experiment,
  total: number,
  before: number,
) {
  const terminal = io.terminal ?? process.stderr;
  const env = io.env ?? process.env;
  if (shouldDraw({ quiet, isTTY: terminal.isTTY === true, env })) {
    const bar = progressBar(io, quiet, `Running ${experiment.experiment}`, total);
    let done = before;
    return {
      event: (event: RunEvent) => {
        if (event.kind === 'finished' || (event.kind === 'infra' && !event.retrying)) done++;
        bar.update({ sessions: done });
      },
      finish: () => bar.finish(),
    };
  }
  let done = before;
  const width = String(total).length;
  return {
    event: (event: RunEvent) => {
      if (quiet) return;
      if (event.kind === 'round') {
        io.stderr(`round ${event.round}: ${event.verdict}${event.decided ? ' (decided)' : ''}\n`);
        return;
      }
      const { session } = event;
      const name = `${session.task.id} ${session.variant.name} #${session.repetition}`;
      if (event.kind === 'finished') {
        done++;
        const { success, completion_time_seconds: seconds } = event.record;
        io.stderr(
          `[${String(done).padStart(width)}/${total}] ${name}: ${success ? 'success' : 'failure'} in ${seconds?.toFixed(1)}s\n`,
        );
      } else {
        if (!event.retrying) done++;
        const next = event.retrying ? 'retrying' : 'lost';
        io.stderr(
          `[${String(done).padStart(width)}/${total}] ${name}: infrastructure failure (${event.failure.run.reason}), ${next}\n`,
        );
      }
    },
    finish: () => {},
  };
}
