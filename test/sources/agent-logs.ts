import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocatedRecord } from '../../src/records/types.js';
import { promptTaskId } from '../../src/sources/mapping.js';
import { readInputs, type InputOptions } from '../../src/sources/read-inputs.js';

/** The real agent logs of ../shared (read as they are), and those this project generated. */
export const SHARED_LOGS = fileURLToPath(
  new URL('../../../shared/fixtures/agent-logs', import.meta.url),
);
export const OWN_LOGS = fileURLToPath(new URL('../fixtures/agent-logs', import.meta.url));

/** A folder's manifest.json: the truth table written beside the logs. */
export function manifest<T>(folder: string): T {
  return JSON.parse(readFileSync(`${folder}/manifest.json`, 'utf8')) as T;
}

/** Reads logs of `cwd` with one variant for all, tasks by prompt, unless told otherwise. */
export async function readLogs(
  cwd: string,
  patterns: string[],
  options: Partial<InputOptions> = {},
) {
  return readInputs(patterns, {
    from: 'auto',
    cwd,
    rules: { variant: { from: 'value', value: 'x' }, task: { from: 'prompt' } },
    ...options,
  });
}

/** The sessions read, by session id. */
export function byId(sessions: readonly LocatedRecord[]): Map<string, LocatedRecord> {
  return new Map(sessions.map((session) => [session.record.session_id, session]));
}

/** A run of the harness's truth tables (Claude Code and Codex), the fields every record has. */
export interface HarnessRun {
  prompt: string;
  variant: string;
  success: boolean;
  duration_ms: number;
  truth_tool_calls: number;
  truth_failed_tool_calls: number;
}

/** What the record of a harness run must hold: variant, task, outcome, tool calls and time. */
export function truthOf(run: HarnessRun): Record<string, unknown> {
  return {
    variant: run.variant,
    task_id: promptTaskId(run.prompt),
    success: run.success,
    tool_calls: run.truth_tool_calls,
    successful_tool_calls: run.truth_tool_calls - run.truth_failed_tool_calls,
    completion_time_seconds: run.duration_ms / 1000,
  };
}
