import { describe, expect, it } from 'vitest';
import {
  byId,
  manifest,
  OWN_LOGS,
  readLogs,
  SHARED_LOGS,
  truthOf,
  type HarnessRun,
} from './agent-logs.js';

/** A row of codex/manifest.json (the fields the tests compare). */
interface Run extends HarnessRun {
  thread_id: string;
  error: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  rollout: string;
  stdout: string;
}

describe('Codex CLI logs, read as the agent wrote them', () => {
  for (const [name, folder] of [
    ['the shared cold runs', `${SHARED_LOGS}/codex`],
    ['the warm runs made with the harness', `${OWN_LOGS}/codex`],
  ] as const) {
    it(`makes one session of each run's rollout and --json stream: ${name}`, async () => {
      const runs = manifest<Run[]>(folder);
      const read = await readLogs(folder, ['dot-codex', 'stdout'], {
        rules: {
          variant: { from: 'field', field: 'cwd', pattern: /-(cold|warm)$/ },
          task: { from: 'prompt' },
        },
      });
      expect(read.problems).toEqual([]);
      expect(read.sessions).toHaveLength(runs.length);
      const sessions = byId(read.sessions);
      for (const run of runs) {
        const { record, file } = sessions.get(run.thread_id)!;
        expect(file).toBe(run.rollout);
        expect(record).toMatchObject({
          ...truthOf(run),
        });
        if (run.input_tokens !== null) {
          expect(record.metrics).toMatchObject({
            input_tokens: run.input_tokens,
            output_tokens: run.output_tokens,
          });
        }
        if (run.error !== null) expect(record.errors).toEqual([run.error]);
      }
    });
  }

  it('reads a rollout alone and a --json stream alone', async () => {
    const folder = `${SHARED_LOGS}/codex`;
    const runs = manifest<Run[]>(folder);
    const rollouts = byId((await readLogs(folder, ['dot-codex'])).sessions);
    const streams = await readLogs(folder, ['stdout'], {
      rules: {
        variant: { from: 'value', value: 'cold' },
        task: { from: 'field', field: 'thread_id' },
      },
    });
    expect(streams.problems).toEqual([]);
    const streamed = byId(streams.sessions);
    for (const run of runs) {
      const counts = {
        success: run.success,
        tool_calls: run.truth_tool_calls,
        successful_tool_calls: run.truth_tool_calls - run.truth_failed_tool_calls,
      };
      expect(rollouts.get(run.thread_id)!.record).toMatchObject(counts);
      // The stream has no prompt and no times: the task comes from a field, the time is absent.
      expect(streamed.get(run.thread_id)!.record).toMatchObject({
        ...counts,
        task_id: run.thread_id,
      });
      expect(streamed.get(run.thread_id)!.record.completion_time_seconds).toBeUndefined();
    }
  });
});
