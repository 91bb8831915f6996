import * as z from 'zod';
import { formatProblem } from '../records/problems.js';
import { validateRecord, type ValidateOptions } from '../records/schema.js';
import { metaOf } from './experiment-meta.js';
import {
  MANIFEST_FILE,
  SESSIONS_FILE,
  STORE_FORMAT,
  STORE_SCHEMA_VERSION,
  type HistoryEntry,
  type Provenance,
  type StoredSession,
  type StoreManifest,
} from './format.js';

const NO_DEFAULTS = {};
/** Each line is parsed for its one record: the record may be the parsed value itself. */
const REUSE_VALUE: ValidateOptions = { reuseValue: true };

/** A snapshot that cannot be used at all; `reason` says why in plain words. */
export class SnapshotError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SnapshotError';
  }
}

const interval = z.tuple([z.number(), z.number()]);
const historyEntrySchema = z.object({
  runId: z.number().int().nullable(),
  attempt: z.number().int().nullable(),
  sha: z.string().nullable(),
  time: z.string(),
  sessions: z.object({ control: z.number().int().min(0), treatment: z.number().int().min(0) }),
  verdict: z.string(),
  lift: z.object({ estimate: z.number(), ci: interval.nullable() }).nullable(),
  method: z.string(),
});
/** An optional experiment field: one of the wrong type is dropped rather than fail the store. */
const metaText = z.string().optional().catch(undefined);
const manifestSchema = z.object({
  format: z.literal(STORE_FORMAT),
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  experiment: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  sessions: z.number().int().min(0),
  sessionsBytes: z.number().int().min(0).optional(),
  covers: z.array(z.number().int()),
  history: z.array(z.unknown()),
  description: metaText,
  prompt: metaText,
  category: metaText,
  difficulty: metaText,
  control: metaText,
  treatment: metaText,
  seed: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
const provenanceSchema = z.object({
  runId: z.number().int().nullable(),
  attempt: z.number().int().nullable(),
  commit: z.string().nullable(),
  time: z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO 8601 time'),
  source: z.string(),
});

/** Problems listed one by one before the rest is only counted. */
const PROBLEMS_LISTED = 20;

/** Problems of one snapshot: the first ones word for word, the rest counted. */
export class ProblemList {
  private readonly listed: string[] = [];
  private count = 0;

  add(text: string): void {
    if (++this.count <= PROBLEMS_LISTED) this.listed.push(text);
  }

  get size(): number {
    return this.count;
  }

  lines(): string[] {
    const more = this.count - PROBLEMS_LISTED;
    return more > 0 ? [...this.listed, `… and ${more} more problems`] : [...this.listed];
  }
}

/**
 * A snapshot's manifest. One that is not ours, of a newer version or of another experiment
 * makes the whole snapshot unusable (SnapshotError); a bad history entry is left out and
 * reported in `problems`.
 */
export function parseManifest(
  text: string,
  experiment: string,
  problems: ProblemList,
): StoreManifest {
  const manifest = manifestOf(text);
  if (manifest.experiment !== experiment) {
    throw new SnapshotError(
      `it holds experiment ${JSON.stringify(manifest.experiment)}, expected ${JSON.stringify(experiment)}`,
    );
  }
  const history: HistoryEntry[] = [];
  manifest.history.forEach((entry, index) => {
    const parsed = historyEntrySchema.safeParse(entry);
    if (parsed.success) history.push(parsed.data);
    else problems.add(`${MANIFEST_FILE}: history[${index}]: ${zodSummary(parsed.error)}; left out`);
  });
  const { description, prompt, category, difficulty, control, treatment, seed, ...core } = manifest;
  const meta = metaOf({ description, prompt, category, difficulty, control, treatment, seed });
  const { sessionsBytes, ...rest } = core;
  return {
    ...rest,
    ...(sessionsBytes === undefined ? {} : { sessionsBytes }),
    ...meta,
    history,
  };
}

function manifestOf(text: string): z.infer<typeof manifestSchema> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${MANIFEST_FILE} is not valid JSON (${(error as Error).message})`);
  }
  const head = z.object({ format: z.unknown(), schemaVersion: z.unknown() }).safeParse(value);
  if (!head.success || head.data.format !== STORE_FORMAT) {
    throw new SnapshotError(`${MANIFEST_FILE} is not an ab-verdict store manifest`);
  }
  const version = head.data.schemaVersion;
  if (typeof version === 'number' && version > STORE_SCHEMA_VERSION) {
    throw new SnapshotError(
      `written by a newer ab-verdict (store schemaVersion ${version}; this one reads ${STORE_SCHEMA_VERSION}): upgrade ab-verdict to read it`,
    );
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    throw new SnapshotError(`${MANIFEST_FILE}: ${zodSummary(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * The session of one line of sessions.jsonl, or undefined for a blank line and for a line left
 * out: one that is not JSON, breaks the record schema, has no valid provenance or is of another
 * experiment, each reported in `problems` by its line.
 */
export function parseSessionLine(
  line: string,
  lineNumber: number,
  experiment: string,
  problems: ProblemList,
): StoredSession | undefined {
  if (line.trim() === '') return undefined;
  const at = `${SESSIONS_FILE}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    problems.add(`${at}: not valid JSON (${(error as Error).message}); left out`);
    return undefined;
  }
  const { record, provenance } = (value ?? {}) as { record?: unknown; provenance?: unknown };
  const checked = validateRecord(record, NO_DEFAULTS, REUSE_VALUE);
  if ('problems' in checked) {
    for (const { field, message } of checked.problems) {
      problems.add(
        `${formatProblem({ file: SESSIONS_FILE, location: String(lineNumber), field: field && `record.${field}`, message })}; left out`,
      );
    }
    return undefined;
  }
  const origin = provenanceOf(provenance);
  if (typeof origin === 'string') {
    problems.add(`${at}: provenance: ${origin}; left out`);
    return undefined;
  }
  const stored = checked.record.experiment ?? experiment;
  if (stored !== experiment) {
    problems.add(
      `${at}: record of experiment ${JSON.stringify(stored)}, expected ${JSON.stringify(experiment)}; left out`,
    );
    return undefined;
  }
  // The parsed line itself becomes the session: one object fewer for each of millions of lines.
  const session = value as StoredSession;
  session.record = checked.record;
  session.provenance = origin;
  return session;
}

/** The provenance as written by ab-verdict (checked by hand: it is on every line), or why not. */
function provenanceOf(value: unknown): Provenance | string {
  const p = value as Partial<Record<keyof Provenance, unknown>> | null;
  if (
    p !== null &&
    typeof p === 'object' &&
    nullableInteger(p.runId) &&
    nullableInteger(p.attempt) &&
    (p.commit === null || typeof p.commit === 'string') &&
    typeof p.time === 'string' &&
    !Number.isNaN(Date.parse(p.time)) &&
    typeof p.source === 'string'
  ) {
    return value as Provenance;
  }
  const parsed = provenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : zodSummary(parsed.error);
}

function nullableInteger(value: unknown): boolean {
  return value === null || Number.isInteger(value);
}

function zodSummary(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'value'}: ${issue.message}`)
    .join('; ');
}

/** A session as one line of sessions.jsonl, without the newline. */
export function sessionLine({ record, provenance }: StoredSession): string {
  return JSON.stringify({ record, provenance });
}

/** manifest.json's text. */
export function manifestText(manifest: StoreManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
