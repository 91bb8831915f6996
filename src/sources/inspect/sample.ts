import type { FoundSession } from '../types.js';
import { TimeSpan, isCount, isObject, text, timeOf } from '../values.js';

/** What every sample of one log shares: from its `eval` spec. */
export interface EvalSpec {
  task?: string;
  model?: string;
  evalId?: string;
  runId?: string;
  status?: string;
  /** The scorers the eval ran, by name. */
  scorers: string[];
  /** Names for `field:<name>` rules: `tags`, `task_arg.<name>`, … */
  fields: Record<string, string | undefined>;
}

/** The `eval` object of a log's header (or of `_journal/start.json`). */
export function evalSpecOf(header: Record<string, unknown>): EvalSpec {
  const spec = isObject(header.eval) ? header.eval : {};
  const fields: Record<string, string | undefined> = {
    task: text(spec.task),
    eval_id: text(spec.eval_id),
    run_id: text(spec.run_id),
  };
  if (Array.isArray(spec.tags))
    fields.tags = spec.tags.filter((tag) => typeof tag === 'string').join(',');
  for (const [name, value] of Object.entries(isObject(spec.task_args) ? spec.task_args : {})) {
    if (isScalar(value)) fields[`task_arg.${name}`] = String(value);
  }
  return {
    task: text(spec.task),
    model: text(spec.model),
    evalId: text(spec.eval_id),
    runId: text(spec.run_id),
    status: text(header.status),
    scorers: Array.isArray(spec.scorers)
      ? spec.scorers.flatMap((scorer) => (isObject(scorer) && text(scorer.name)) || [])
      : [],
    fields,
  };
}

/** The scorer `success` is read from: the one named, else a log's only one. */
export type ScorerChoice = { name: string } | { none: string };

/**
 * Chooses the scorer of `success` among a sample's: the one named, else the only one. With
 * several and none named, `none` says why there is no success.
 */
export function chooseScorer(scores: Record<string, unknown>, named?: string): ScorerChoice {
  const names = Object.keys(scores);
  if (named !== undefined) {
    return names.includes(named)
      ? { name: named }
      : { none: `no score of the scorer ${named} (the sample has: ${names.join(', ') || 'none'})` };
  }
  if (names.length === 1) return { name: names[0]! };
  return names.length === 0
    ? { none: 'no score' }
    : {
        none: `several scorers (${names.join(', ')}): name the one of success (--scorer, input scorer)`,
      };
}

/**
 * A score's value as success, as inspect's `value_to_float` reads it: `C` (correct), `yes`,
 * `true`, 1 → true; `I` (incorrect), `N` (no answer), `no`, `false`, 0 → false; anything else
 * (`P` partial, 0.5, a dict) says neither.
 */
export function successOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (word === 'c' || word === 'yes' || word === 'true' || word === '1') return true;
  if (word === 'i' || word === 'n' || word === 'no' || word === 'false' || word === '0')
    return false;
  return undefined;
}

/** react()'s answer tool: how the agent hands in its answer, not a call that does work. */
const SUBMIT_TOOL = 'submit';

/** Tool calls by id, whether each failed: from the tool events, else from the messages. */
function toolCalls(sample: Record<string, unknown>): Map<string, boolean> | undefined {
  if (Array.isArray(sample.events)) {
    const calls = new Map<string, boolean>();
    addToolEvents(sample.events, calls);
    return calls;
  }
  if (!Array.isArray(sample.messages)) return undefined;
  const calls = new Map<string, boolean>();
  for (const message of sample.messages) {
    if (!isObject(message)) continue;
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls) {
        if (isObject(call) && call.function !== SUBMIT_TOOL) {
          calls.set(text(call.id) ?? `#${calls.size}`, false);
        }
      }
    } else if (message.role === 'tool' && message.error != null) {
      const id = text(message.tool_call_id);
      if (id !== undefined && calls.has(id)) calls.set(id, true);
    }
  }
  return calls;
}

/** Tool events, once per call id (nested events too: older logs keep a tool's inside it). */
function addToolEvents(events: unknown[], calls: Map<string, boolean>): void {
  for (const event of events) {
    if (!isObject(event) || event.event !== 'tool') continue;
    if (event.function !== SUBMIT_TOOL) {
      const id = text(event.id) ?? `#${calls.size}`;
      calls.set(id, calls.get(id) === true || event.error != null);
    }
    if (Array.isArray(event.events)) addToolEvents(event.events, calls);
  }
}

/** The sample's prompt: its input text, or the text of its user messages. */
function promptOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (!Array.isArray(input)) return undefined;
  const texts = input
    .filter((message) => isObject(message) && message.role === 'user')
    .map((message) => contentText((message as Record<string, unknown>).content));
  const joined = texts.join('\n');
  return joined.trim() === '' ? undefined : joined;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part) => isObject(part) && part.type === 'text')
    .map((part) => text((part as Record<string, unknown>).text) ?? '')
    .join('\n');
}

/** Token counts summed over the models a sample used. */
function tokenMetrics(usage: unknown): Record<string, number> {
  const metrics: Record<string, number> = {};
  if (!isObject(usage)) return metrics;
  for (const model of Object.values(usage)) {
    if (!isObject(model)) continue;
    for (const [field, metric] of TOKEN_FIELDS) {
      const value = model[field];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
        metrics[metric] = (metrics[metric] ?? 0) + value;
      }
    }
  }
  return metrics;
}

/** model_usage fields and the metrics they are summed into. */
const TOKEN_FIELDS = [
  ['input_tokens', 'input_tokens'],
  ['output_tokens', 'output_tokens'],
  ['input_tokens_cache_read', 'cache_read_input_tokens'],
  ['input_tokens_cache_write', 'cache_write_input_tokens'],
  ['reasoning_tokens', 'reasoning_tokens'],
  ['total_cost', 'cost_usd'],
] as const;

export interface SampleContext {
  file: string;
  location: string;
  spec: EvalSpec;
  scorer?: string;
}

/**
 * One sample of one epoch made a session: success from its score (see `successOf`), or false
 * when the sample errored; tool calls from its tool events; its time, tokens and messages.
 * Also reads a sample's summary (no events, no messages): then tool calls are unknown.
 */
export function sampleSession(
  sample: Record<string, unknown>,
  { file, location, spec, scorer }: SampleContext,
): { session: FoundSession; noSuccess?: string } {
  const sampleId = isScalar(sample.id) ? String(sample.id) : undefined;
  const epoch = isCount(sample.epoch) ? sample.epoch : 1;
  const sessionId =
    text(sample.uuid) ?? `${spec.evalId ?? spec.task ?? 'eval'}/${sampleId ?? location}/${epoch}`;
  const record: FoundSession['record'] = { session_id: sessionId };
  const errors: string[] = [];
  const error = isObject(sample.error) ? text(sample.error.message) : text(sample.error);
  const scores = isObject(sample.scores) ? sample.scores : {};
  const choice = chooseScorer(scores, scorer);
  let noSuccess: string | undefined;
  if (error !== undefined) {
    record.success = false; // the sample crashed: its task was not done
    errors.push(error);
  } else if ('name' in choice) {
    const score = scores[choice.name];
    const value = isObject(score) ? score.value : undefined;
    const success = successOf(value);
    if (success === undefined) {
      noSuccess = `the score of ${choice.name} is ${JSON.stringify(value)}, not one of C, I, N, yes, no, true, false, 1, 0`;
    } else record.success = success;
  } else if (Object.keys(scores).length > 0 || scorer !== undefined) noSuccess = choice.none;

  const calls = toolCalls(sample);
  if (calls !== undefined) {
    const failed = [...calls.values()].filter(Boolean).length;
    record.tool_calls = calls.size;
    record.successful_tool_calls = calls.size - failed;
  }
  const span = new TimeSpan();
  span.add(timeOf(sample.started_at));
  span.add(timeOf(sample.completed_at));
  const total = sample.total_time;
  const seconds = typeof total === 'number' && Number.isFinite(total) && total >= 0;
  Object.assign(record, span.fields(!seconds));
  if (seconds) record.completion_time_seconds = total;
  if (Array.isArray(sample.messages)) record.message_count = sample.messages.length;
  else if (isCount(sample.message_count)) record.message_count = sample.message_count;
  if (errors.length > 0) record.errors = errors;
  const metrics: Record<string, number> = tokenMetrics(sample.model_usage);
  if (typeof sample.working_time === 'number' && Number.isFinite(sample.working_time)) {
    metrics.working_time_seconds = sample.working_time;
  }
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  record.inspect = inspectFields(sample, spec, scores, sampleId, epoch);

  const fields = {
    ...spec.fields,
    sample_id: sampleId,
    epoch: String(epoch),
    sample:
      spec.task !== undefined && sampleId !== undefined ? `${spec.task}/${sampleId}` : sampleId,
    ...metadataFields(sample.metadata),
  };
  const session: FoundSession = {
    file,
    location,
    files: [file],
    record,
    keys: { prompt: promptOf(sample.input), model: spec.model, fields },
  };
  return noSuccess === undefined ? { session } : { session, noSuccess };
}

/** What the record keeps of inspect's own: the eval, the sample, its scores and limit. */
function inspectFields(
  sample: Record<string, unknown>,
  spec: EvalSpec,
  scores: Record<string, unknown>,
  sampleId: string | undefined,
  epoch: number,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, score] of Object.entries(scores)) {
    if (isObject(score) && isScalar(score.value)) values[name] = score.value;
  }
  const limit = isObject(sample.limit) ? text(sample.limit.type) : undefined;
  const fields: Record<string, unknown> = {
    task: spec.task,
    sample_id: sampleId,
    epoch,
    eval_id: spec.evalId,
    run_id: spec.runId,
    model: spec.model,
    status: spec.status,
    scores: values,
    limit,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** A sample's metadata, its strings and numbers, as `metadata.<name>` fields for rules. */
function metadataFields(metadata: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isObject(metadata)) return fields;
  for (const [name, value] of Object.entries(metadata)) {
    if (isScalar(value)) fields[`metadata.${name}`] = String(value);
  }
  return fields;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
