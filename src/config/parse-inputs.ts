import * as z from 'zod';
import {
  DEFAULT_CONFIG,
  experimentConfigSchema,
  GUARDRAIL_POLICIES,
  METHODS,
  metricOverrideSchema,
  type ExperimentConfig,
} from './experiment-config.js';

/** The user's settings as they arrive: strings from flags or Action inputs, unset when absent. */
export interface RawInputs {
  experiment?: string;
  control?: string;
  treatment?: string;
  primary?: string;
  alpha?: string;
  minEffect?: string;
  equivalenceMargin?: string;
  expectedSplit?: string;
  correction?: string;
  method?: string;
  expectedSessions?: string;
  guardrailPolicy?: string;
  capPercentile?: string;
  /** Comma- or newline-separated record fields. */
  segments?: string;
  chanceToBeat?: string;
  onInvalid?: string;
  /** The metrics block as JSON text, with where it came from for messages. */
  metrics?: { text: string; origin: string };
}

/** A setting the user got wrong; `messages` name the setting, what was expected and what was found. */
export class ConfigError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Names as the user writes them (`--min-effect`), for messages. */
export type SettingNames = Record<keyof RawInputs, string>;

export const FLAG_NAMES: SettingNames = {
  experiment: '--experiment',
  control: '--control',
  treatment: '--treatment',
  primary: '--primary',
  alpha: '--alpha',
  minEffect: '--min-effect',
  equivalenceMargin: '--equivalence-margin',
  expectedSplit: '--expected-split',
  correction: '--correction',
  method: '--method',
  expectedSessions: '--expected-sessions',
  guardrailPolicy: '--guardrail-policy',
  capPercentile: '--cap',
  segments: '--segments',
  chanceToBeat: '--chance-to-beat',
  onInvalid: '--on-invalid',
  metrics: '--metrics',
};

export function parseInputs(raw: RawInputs, names: SettingNames = FLAG_NAMES): ExperimentConfig {
  const problems: string[] = [];
  const fail = (key: keyof RawInputs, expected: string, got: string) =>
    problems.push(`${names[key]}: expected ${expected}, got ${JSON.stringify(got)}`);

  const text = (key: 'experiment' | 'control' | 'treatment' | 'primary'): string | undefined => {
    const value = raw[key]?.trim();
    if (raw[key] !== undefined && !value) fail(key, 'a non-empty name', raw[key] ?? '');
    return value || undefined;
  };
  const fraction = (key: 'alpha', min: number, max: number): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    const n = parseNumberOrPercent(value);
    if (n === undefined || !(n > min && n < max)) {
      fail(key, `a number between ${min} and ${max} (exclusive)`, value);
      return undefined;
    }
    return n;
  };
  const positive = (key: 'minEffect' | 'equivalenceMargin'): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    const n = parseNumberOrPercent(value);
    if (n === undefined || !(n > 0)) {
      fail(key, 'a relative change above 0, as a fraction (0.1) or a percentage (10%)', value);
      return undefined;
    }
    return n;
  };
  const choice = <T extends string>(
    key: 'correction' | 'onInvalid' | 'method' | 'chanceToBeat' | 'guardrailPolicy',
    options: readonly T[],
  ) => {
    const value = raw[key]?.trim().toLowerCase();
    if (value === undefined) return undefined;
    if (!(options as readonly string[]).includes(value)) {
      fail(key, `one of ${options.join(', ')}`, raw[key] ?? '');
      return undefined;
    }
    return value as T;
  };

  const wholeNumber = (key: 'expectedSessions', min: number): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || n < min) {
      fail(key, `a whole number >= ${min}`, value);
      return undefined;
    }
    return n;
  };
  /** `99`, `99%` or `0.99` → 0.99; `none` or `off` → null. */
  const capPercentile = (): number | null | undefined => {
    const value = raw.capPercentile?.trim().toLowerCase();
    if (value === undefined) return undefined;
    if (value === 'none' || value === 'off' || value === '') return null;
    const n = parseNumberOrPercent(value);
    const fraction = n !== undefined && n > 1 && n < 100 && !value.endsWith('%') ? n / 100 : n;
    if (fraction === undefined || !(fraction > 0 && fraction < 1)) {
      fail(
        'capPercentile',
        'a percentile like 99, 99.9% or 0.99, or none',
        raw.capPercentile ?? '',
      );
      return undefined;
    }
    return fraction;
  };
  const yesNo = (): boolean | undefined => {
    const value = choice('chanceToBeat', ['true', 'false', 'yes', 'no', 'on', 'off'] as const);
    return value === undefined ? undefined : ['true', 'yes', 'on'].includes(value);
  };

  const minEffect = positive('minEffect');
  const config: ExperimentConfig = {
    ...DEFAULT_CONFIG,
    ...defined({
      experiment: text('experiment'),
      control: text('control'),
      treatment: text('treatment'),
      primary: text('primary'),
      alpha: fraction('alpha', 0, 1),
      minEffect,
      // The equivalence margin follows the minimum effect unless it is set on its own.
      equivalenceMargin: positive('equivalenceMargin') ?? minEffect,
      expectedSplit: parseSplit(raw.expectedSplit, (got) =>
        fail('expectedSplit', 'two positive shares, control first, like 50/50 or 0.3,0.7', got),
      ),
      correction: choice('correction', ['holm', 'bh', 'none'] as const),
      method: choice('method', METHODS),
      expectedSessions: wholeNumber('expectedSessions', 2),
      guardrailPolicy: choice('guardrailPolicy', GUARDRAIL_POLICIES),
      capPercentile: capPercentile(),
      segments: raw.segments === undefined ? undefined : listOf(raw.segments),
      chanceToBeat: yesNo(),
      onInvalid: choice('onInvalid', ['fail', 'skip'] as const),
      metrics: raw.metrics ? parseMetrics(raw.metrics, names.metrics, problems) : undefined,
    }),
  };
  if (config.control === config.treatment) {
    problems.push(
      `${names.control} and ${names.treatment}: expected two different variants, got ${JSON.stringify(config.control)} for both`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return experimentConfigSchema.parse(config);
}

function listOf(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** `0.05`, `5%` → 0.05. */
export function parseNumberOrPercent(value: string): number | undefined {
  const trimmed = value.trim();
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return undefined;
  const n = Number(body);
  return percent ? n / 100 : n;
}

/** `50/50`, `1:1`, `0.3,0.7`, `30/70` → shares summing to 1, control first. */
function parseSplit(
  value: string | undefined,
  fail: (got: string) => void,
): [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/[/:,]/).map((part) => parseNumberOrPercent(part));
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined || !(a > 0) || !(b > 0)) {
    fail(value);
    return undefined;
  }
  return [a / (a + b), b / (a + b)];
}

function parseMetrics(
  source: { text: string; origin: string },
  name: string,
  problems: string[],
): ExperimentConfig['metrics'] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch (error) {
    problems.push(`${name} (${source.origin}): not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const result = z.record(z.string().min(1), metricOverrideSchema).safeParse(parsed);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the block';
    problems.push(`${name} (${source.origin}): ${where}: ${describeIssue(issue)}`);
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown setting ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; expected kind, better, role, numerator, denominator, enabled, scale, margin or absoluteMargin`;
    case 'invalid_type':
      return `expected ${issue.expected === 'object' ? 'an object of metric settings' : issue.expected}`;
    default:
      return issue.message;
  }
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
