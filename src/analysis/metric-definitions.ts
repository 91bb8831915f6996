import { didYouMean } from '../config/did-you-mean.js';
import { ConfigError } from '../config/parse-inputs.js';
import type {
  Direction,
  ExperimentConfig,
  MetricKind,
  Role,
  Scale,
} from '../config/experiment-config.js';
import { BUILT_IN_COLUMNS } from '../records/session-table.js';

/** Where a metric's per-session values come from in the session table. */
export type MetricSource =
  | { type: 'column'; column: string }
  /** A ratio Σnumerator / Σdenominator; `numeratorMinus` makes the numerator a difference of columns. */
  | { type: 'ratio'; numerator: string; numeratorMinus?: string; denominator: string };

export interface MetricDefinition {
  name: string;
  kind: MetricKind;
  better: Direction;
  role: Role;
  source: MetricSource;
  /** log: compared as a ratio of geometric means (positive, skewed values such as durations). */
  scale: Scale;
  /** Relative margin of equivalence and non-inferiority; the configured equivalence margin if unset. */
  margin?: number;
  /** The margin in the metric's own units, for when the control's value is 0. */
  absoluteMargin?: number;
}

const CUSTOM_PREFIX = 'metrics.';

/** The metrics every session record can carry (DESIGN.md), with their defaults. */
export const BUILT_IN_METRICS: readonly MetricDefinition[] = [
  {
    name: 'tool_error_rate',
    kind: 'ratio',
    better: 'lower',
    role: 'primary',
    source: {
      type: 'ratio',
      numerator: 'tool_calls',
      numeratorMinus: 'successful_tool_calls',
      denominator: 'tool_calls',
    },
    scale: 'linear',
  },
  {
    name: 'success',
    kind: 'binary',
    better: 'higher',
    role: 'secondary',
    source: { type: 'column', column: 'success' },
    scale: 'linear',
  },
  {
    name: 'completion_time_seconds',
    kind: 'continuous',
    better: 'lower',
    role: 'guardrail',
    source: { type: 'column', column: 'completion_time_seconds' },
    // Durations are skewed and heavy-tailed, and changes to them are proportional.
    scale: 'log',
  },
  {
    name: 'message_count',
    kind: 'count',
    better: 'lower',
    role: 'secondary',
    source: { type: 'column', column: 'message_count' },
    scale: 'linear',
  },
  {
    name: 'user_corrections',
    kind: 'count',
    better: 'lower',
    role: 'guardrail',
    source: { type: 'column', column: 'user_corrections' },
    scale: 'linear',
  },
];

/** What the definitions need to know of the data: the columns present and a look at their values. */
export interface ColumnCatalogue {
  names: string[];
  column(name: string): Float64Array;
}

/**
 * The metrics to analyse: the built-ins, every custom metric found in the records' `metrics`
 * objects, and ratio metrics defined in the configuration, each with the configured overrides.
 * The configured primary metric gets role `primary`; no other metric has it.
 */
export function resolveMetrics(
  config: ExperimentConfig,
  data: ColumnCatalogue,
): MetricDefinition[] {
  const problems: string[] = [];
  const definitions = new Map<string, MetricDefinition>();
  for (const builtIn of BUILT_IN_METRICS) definitions.set(builtIn.name, builtIn);
  for (const column of data.names) {
    if (!column.startsWith(CUSTOM_PREFIX)) continue;
    const name = column.slice(CUSTOM_PREFIX.length);
    if (definitions.has(name)) continue;
    const kind = inferKind(data.column(column));
    // Most custom agent metrics are costs (tokens, dollars, retries); rates of good things are binary.
    definitions.set(name, {
      name,
      kind,
      better: kind === 'binary' ? 'higher' : 'lower',
      role: 'secondary',
      source: { type: 'column', column },
      scale: 'linear',
    });
  }

  for (const [name, override] of Object.entries(config.metrics)) {
    const where = `metrics.${name}`;
    if (override.role === 'primary' && name !== config.primary) {
      problems.push(
        `${where}.role: the primary metric is chosen with --primary / primary-metric, got "primary" for ${name}`,
      );
    }
    const existing = definitions.get(name);
    let source = existing?.source;
    if (override.numerator || override.denominator) {
      if (!override.numerator || !override.denominator) {
        problems.push(`${where}: a ratio metric needs both numerator and denominator`);
        continue;
      }
      const columns = {
        numerator: columnName(override.numerator, data),
        denominator: columnName(override.denominator, data),
      };
      source = { type: 'ratio', ...columns };
      // A field no session has would make a ratio of no sessions: a typo, not a result.
      const absent = (['numerator', 'denominator'] as const).filter(
        (part) => !hasColumn(columns[part], data),
      );
      for (const part of absent) {
        problems.push(
          `${where}.${part}: no session has a field ${JSON.stringify(override[part])}${didYouMean(override[part]!, fieldNames(data))}`,
        );
      }
      if (absent.length > 0) continue;
    }
    if (!source) {
      problems.push(
        `${where}: no session has a metric "${name}"; expected one of ${[...definitions.keys()].join(', ')}, or numerator and denominator for a ratio`,
      );
      continue;
    }
    if (override.enabled === false) {
      definitions.delete(name);
      continue;
    }
    const kind =
      source.type === 'ratio' ? 'ratio' : (override.kind ?? existing?.kind ?? 'continuous');
    if (override.kind === 'ratio' && source.type !== 'ratio') {
      problems.push(`${where}.kind: "ratio" needs numerator and denominator`);
    }
    if (override.scale === 'log' && (kind === 'binary' || kind === 'ratio')) {
      problems.push(`${where}.scale: "log" is for positive values, not a ${kind} metric`);
    }
    definitions.set(name, {
      name,
      kind,
      better: override.better ?? existing?.better ?? 'lower',
      role: override.role ?? existing?.role ?? 'secondary',
      source,
      scale: override.scale ?? existing?.scale ?? 'linear',
      ...(override.margin !== undefined ? { margin: override.margin } : {}),
      ...(override.absoluteMargin !== undefined ? { absoluteMargin: override.absoluteMargin } : {}),
    });
  }

  if (!definitions.has(config.primary)) {
    problems.push(
      `--primary: expected one of ${[...definitions.keys()].join(', ')}, got "${config.primary}"`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return [...definitions.values()].map((definition) => ({
    ...definition,
    role:
      definition.name === config.primary
        ? 'primary'
        : definition.role === 'primary'
          ? 'secondary'
          : definition.role,
  }));
}

/** `cost_usd` → `metrics.cost_usd` unless it names a built-in column. */
function columnName(name: string, data: ColumnCatalogue): string {
  if (name.startsWith(CUSTOM_PREFIX) || (BUILT_IN_COLUMNS as readonly string[]).includes(name))
    return name;
  return data.names.includes(name) ? name : CUSTOM_PREFIX + name;
}

function hasColumn(column: string, data: ColumnCatalogue): boolean {
  return (BUILT_IN_COLUMNS as readonly string[]).includes(column) || data.names.includes(column);
}

/** The fields a ratio can use, as a record names them (`cost_usd`, not `metrics.cost_usd`). */
function fieldNames(data: ColumnCatalogue): string[] {
  const custom = data.names.filter((name) => name.startsWith(CUSTOM_PREFIX));
  return [...BUILT_IN_COLUMNS, ...custom.map((name) => name.slice(CUSTOM_PREFIX.length))];
}

/** 0/1 values → binary, whole numbers → count, anything else → continuous. */
function inferKind(values: Float64Array): MetricKind {
  let binary = true;
  let whole = true;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v !== 0 && v !== 1) binary = false;
    if (!Number.isInteger(v)) {
      whole = false;
      break;
    }
  }
  if (binary) return 'binary';
  return whole ? 'count' : 'continuous';
}
