import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipOf } from '../support/fake-github/index.js';

/** A small deterministic generator (mulberry32): the same prefix gives the same sessions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}

export interface SessionOptions {
  /** Prefix of every session_id: distinct prefixes give distinct sessions. */
  prefix: string;
  /** Sessions per arm. */
  perArm: number;
  experiment?: string;
  /** Tool error rate of the warm arm (cold is 0.12). */
  warmErrorRate?: number;
}

/** Session records of both arms, with the built-in metrics and some noise. */
export function sessions(options: SessionOptions): Record<string, unknown>[] {
  const next = random(seedOf(options.prefix));
  const records: Record<string, unknown>[] = [];
  for (const variant of ['cold', 'warm'] as const) {
    const rate = variant === 'cold' ? 0.12 : (options.warmErrorRate ?? 0.06);
    for (let i = 0; i < options.perArm; i++) {
      const calls = 10 + Math.floor(next() * 30);
      const failed = Math.min(calls, Math.round(calls * rate * (0.5 + next())));
      records.push({
        session_id: `${options.prefix}-${variant}-${i}`,
        variant,
        task_id: `task-${i % 7}`,
        ...(options.experiment ? { experiment: options.experiment } : {}),
        success: next() < (variant === 'cold' ? 0.6 : 0.75),
        tool_calls: calls,
        successful_tool_calls: calls - failed,
        completion_time_seconds: Math.round(200 + next() * 400),
        message_count: 10 + Math.floor(next() * 20),
        user_corrections: Math.floor(next() * 3),
      });
    }
  }
  return records;
}

export function jsonl(records: object[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}

/** A fresh workspace with these files in it. */
export function workspace(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ab-verdict-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A store snapshot zip (format v1) holding these records, as an earlier run would upload it. */
export async function snapshotZip(options: {
  experiment: string;
  records: Record<string, unknown>[];
  covers?: number[];
  runId?: number;
  schemaVersion?: number;
  time?: string;
}): Promise<Buffer> {
  const time = options.time ?? new Date(Date.now() - 3600_000).toISOString();
  const manifest = {
    format: 'ab-verdict-store',
    schemaVersion: options.schemaVersion ?? 1,
    experiment: options.experiment,
    createdAt: time,
    updatedAt: time,
    sessions: options.records.length,
    covers: options.covers ?? [],
    history: [],
  };
  const provenance = {
    runId: options.runId ?? 4000,
    attempt: 1,
    commit: 'a'.repeat(40),
    time,
    source: 'results/earlier.jsonl',
  };
  return zipOf({
    'manifest.json': JSON.stringify(manifest),
    'sessions.jsonl': jsonl(options.records.map((record) => ({ record, provenance }))),
  });
}
