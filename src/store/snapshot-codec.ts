import * as z from 'zod';
import { formatProblem } from '../records/problems.js';
import { validateRecord } from '../records/schema.js';
import { metaOf } from './experiment-meta.js';
import {
  MANIFEST_FILE,
  SESSIONS_FILE,
  STORE_FORMAT,
  STORE_SCHEMA_VERSION,
  type HistoryEntry,
  type Snapshot,
  type StoredSession,
} from './format.js';

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

export interface ParsedSnapshot {
  snapshot: Snapshot;
  /** Lines and history entries left out, each naming the file and line: the rest is usable. */
  problems: string[];
}

/**
 * Reads the two files of a snapshot. A missing file, a manifest that is not ours, of a newer
 * version or of another experiment makes the whole snapshot unusable (SnapshotError); a bad
 * session line or history entry is left out and reported.
 */
export function parseSnapshot(
  files: { manifest?: string; sessions?: string },
  experiment: string,
): ParsedSnapshot {
  if (files.manifest === undefined) throw new SnapshotError(`no ${MANIFEST_FILE} in it`);
  const manifest = parseManifest(files.manifest);
  if (files.sessions === undefined) throw new SnapshotError(`no ${SESSIONS_FILE} in it`);
  if (manifest.experiment !== experiment) {
    throw new SnapshotError(
      `it holds experiment ${JSON.stringify(manifest.experiment)}, expected ${JSON.stringify(experiment)}`,
    );
  }
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (text: string) => {
    if (++problemCount <= PROBLEMS_LISTED) problems.push(text);
  };
  const history: HistoryEntry[] = [];
  manifest.history.forEach((entry, index) => {
    const parsed = historyEntrySchema.safeParse(entry);
    if (parsed.success) history.push(parsed.data);
    else problem(`${MANIFEST_FILE}: history[${index}]: ${zodSummary(parsed.error)}; left out`);
  });
  const sessions = parseSessionLines(files.sessions, experiment, problem);
  if (problemCount > PROBLEMS_LISTED) {
    problems.push(`… and ${problemCount - PROBLEMS_LISTED} more problems`);
  }
  const { description, prompt, category, difficulty, control, treatment, seed, ...core } = manifest;
  const meta = metaOf({ description, prompt, category, difficulty, control, treatment, seed });
  return { snapshot: { manifest: { ...core, ...meta, history }, sessions }, problems };
}

function parseManifest(text: string): z.infer<typeof manifestSchema> {
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

function parseSessionLines(
  text: string,
  experiment: string,
  problem: (text: string) => void,
): StoredSession[] {
  const sessions: StoredSession[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `${SESSIONS_FILE}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problem(`${at}: not valid JSON (${(error as Error).message}); left out`);
      return;
    }
    const { record, provenance } = (value ?? {}) as { record?: unknown; provenance?: unknown };
    const checked = validateRecord(record);
    if ('problems' in checked) {
      for (const { field, message } of checked.problems) {
        problem(
          `${formatProblem({ file: SESSIONS_FILE, location: String(index + 1), field: field && `record.${field}`, message })}; left out`,
        );
      }
      return;
    }
    const origin = provenanceSchema.safeParse(provenance);
    if (!origin.success) {
      problem(`${at}: provenance: ${zodSummary(origin.error)}; left out`);
      return;
    }
    const stored = checked.record.experiment ?? experiment;
    if (stored !== experiment) {
      problem(
        `${at}: record of experiment ${JSON.stringify(stored)}, expected ${JSON.stringify(experiment)}; left out`,
      );
      return;
    }
    sessions.push({ record: checked.record, provenance: origin.data });
  });
  return sessions;
}

function zodSummary(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'value'}: ${issue.message}`)
    .join('; ');
}

/** The two files of a snapshot, as written to an artifact or a folder. */
export function serializeSnapshot(snapshot: Snapshot): { manifest: string; sessions: string } {
  const sessions = snapshot.sessions
    .map(({ record, provenance }) => JSON.stringify({ record, provenance }))
    .join('\n');
  return {
    manifest: `${JSON.stringify(snapshot.manifest, null, 2)}\n`,
    sessions: sessions === '' ? '' : `${sessions}\n`,
  };
}
