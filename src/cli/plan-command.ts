import { formatNumber, formatPercent } from '../analysis/format-number.js';
import { baselineBasis, planTable, type PlanBasis } from '../analysis/plan-table.js';
import { parseInputs, parseNumberOrPercent } from '../config/parse-inputs.js';
import { alignColumns } from '../report/align-columns.js';
import type { CommandIO } from './analyze-command.js';
import { parseFlags } from './parse-flags.js';
import { analyzeFiles } from './analyze-files.js';
import { UsageError } from './usage-error.js';

export const PLAN_HELP = `Usage: ab-verdict plan --baseline-rate <p> [--calls-per-session <n>] [options]
       ab-verdict plan --baseline-mean <m> --baseline-sd <s> [options]
       ab-verdict plan <pilot files|dirs|globs...> [options]

How many sessions per arm you need to detect a change, for a table of effect sizes, under
fixed-horizon and sequential analysis. From a baseline alone, or from a pilot experiment's
result files (its observed variance, paired by task when the pilot was).

Options:
  --baseline-rate <p>          a success or error rate, e.g. 0.12 or 12%
  --calls-per-session <n>      the rate is per tool call, with about n calls per session
  --baseline-mean <m>          a continuous metric's mean (with --baseline-sd)
  --baseline-sd <s>            its standard deviation per session
  --effects <list>             relative changes to plan for (default: 5%,10%,20%,30%,50%)
  --alpha <p>                  significance level (default: 0.05)
  --power <p>                  power (default: 0.8)
  --expected-sessions <n>      sessions the sequential boundary is tuned for (default: 400)
  --primary, --control, --treatment, --experiment, --metrics
                               as for analyze, to read a pilot
  --json                       print the plan as JSON
  -h, --help                   show this help`;

const DEFAULT_EFFECTS = [0.05, 0.1, 0.2, 0.3, 0.5];

export async function planCommand(args: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseFlags('plan', args, {
    'baseline-rate': { type: 'string' },
    'calls-per-session': { type: 'string' },
    'baseline-mean': { type: 'string' },
    'baseline-sd': { type: 'string' },
    effects: { type: 'string' },
    alpha: { type: 'string' },
    power: { type: 'string' },
    'expected-sessions': { type: 'string' },
    primary: { type: 'string' },
    control: { type: 'string' },
    treatment: { type: 'string' },
    experiment: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(PLAN_HELP + '\n');
    return;
  }
  const config = parseInputs({
    alpha: values.alpha,
    expectedSessions: values['expected-sessions'],
    primary: values.primary,
    control: values.control,
    treatment: values.treatment,
    experiment: values.experiment,
  });
  const power = values.power === undefined ? config.power : fraction('--power', values.power);
  const effects =
    values.effects === undefined
      ? DEFAULT_EFFECTS
      : values.effects.split(',').map((effect) => positive('--effects', effect));

  const { basis, source } = await chooseBasis(values, positionals, config, io);
  const rows = planTable(basis, effects, { ...config, power });
  if (values.json) {
    io.stdout(JSON.stringify({ basis, source, alpha: config.alpha, power, rows }, null, 2) + '\n');
    return;
  }
  io.stdout(
    [
      `Sessions per arm to detect a change in ${source}, alpha ${config.alpha}, power ${formatPercent(power, false)}:`,
      '',
      ...alignColumns([
        [
          'change',
          'absolute',
          'fixed-horizon',
          `sequential (tuned for ${config.expectedSessions})`,
        ],
        ...rows.map((row) => [
          formatPercent(row.relative, false),
          formatNumber(row.absolute),
          row.fixedHorizon?.toString() ?? '—',
          row.sequential?.toString() ?? '—',
        ]),
      ]),
      '',
      'Fixed-horizon numbers hold when you look once, at that size. Sequential numbers hold when you look after every run.',
    ].join('\n') + '\n',
  );
}

async function chooseBasis(
  values: Record<string, string | boolean | undefined>,
  pilotFiles: string[],
  config: ReturnType<typeof parseInputs>,
  io: CommandIO,
): Promise<{ basis: PlanBasis; source: string }> {
  const rate = values['baseline-rate'] as string | undefined;
  const mean = values['baseline-mean'] as string | undefined;
  const sd = values['baseline-sd'] as string | undefined;
  const given = [rate !== undefined, mean !== undefined || sd !== undefined, pilotFiles.length > 0];
  if (given.filter(Boolean).length !== 1) {
    throw new UsageError(
      'expected one basis: --baseline-rate, or --baseline-mean with --baseline-sd, or pilot result files',
      'plan',
    );
  }
  if (rate !== undefined) {
    const calls = values['calls-per-session'] as string | undefined;
    const callsPerSession =
      calls === undefined ? undefined : positive('--calls-per-session', calls);
    const p = fraction('--baseline-rate', rate);
    return {
      basis: baselineBasis({ rate: p, callsPerSession }),
      source: `a rate of ${formatNumber(p)}${callsPerSession ? ` per call (${callsPerSession} calls per session)` : ''}`,
    };
  }
  if (mean !== undefined || sd !== undefined) {
    if (mean === undefined || sd === undefined) {
      throw new UsageError('--baseline-mean and --baseline-sd go together', 'plan');
    }
    const m = Number(mean);
    if (!Number.isFinite(m) || m === 0) {
      throw new UsageError(
        `--baseline-mean: expected a number other than 0, got "${mean}"`,
        'plan',
      );
    }
    const s = positive('--baseline-sd', sd);
    return {
      basis: baselineBasis({ mean: m, sd: s }),
      source: `a mean of ${formatNumber(m)} (sd ${formatNumber(s)})`,
    };
  }
  const report = await analyzeFiles(pilotFiles, config, io);
  const primary = report.metrics.find((m) => m.role === 'primary')!;
  if (!primary.power.basis) {
    throw new UsageError(
      `the pilot gives no standard error for ${primary.name}: ${primary.notes[0] ?? 'too few sessions'}`,
      'plan',
    );
  }
  return {
    basis: primary.power.basis,
    source: `${primary.name} (pilot: ${primary.control.n} + ${primary.treatment.n} sessions, ${primary.design.kind}, ${report.control} at ${formatNumber(primary.power.basis.controlValue)})`,
  };
}

function fraction(flag: string, value: string): number {
  const n = parseNumberOrPercent(value);
  if (n === undefined || !(n > 0 && n < 1)) {
    throw new UsageError(
      `${flag}: expected a number between 0 and 1 (exclusive), got "${value}"`,
      'plan',
    );
  }
  return n;
}

function positive(flag: string, value: string): number {
  const n = parseNumberOrPercent(value);
  if (n === undefined || !(n > 0)) {
    throw new UsageError(`${flag}: expected a number above 0, got "${value}"`, 'plan');
  }
  return n;
}
