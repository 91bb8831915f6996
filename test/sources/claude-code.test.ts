import { describe, expect, it } from 'vitest';
import { promptTaskId } from '../../src/sources/mapping.js';
import {
  byId,
  manifest,
  OWN_LOGS,
  readLogs,
  SHARED_LOGS,
  truthOf,
  type HarnessRun,
} from './agent-logs.js';

/** A row of claude-code/manifest.json (the fields the tests compare). */
interface Run extends HarnessRun {
  name: string;
  total_cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  num_turns: number;
  session_id: string;
  transcript: string;
  stdout: string;
  transcript_tool_calls: number;
  transcript_failed_tool_calls: number;
  transcript_span_ms: number;
}

const SHARED = `${SHARED_LOGS}/claude-code`;
const OWN = `${OWN_LOGS}/claude-code`;

describe('Claude Code logs, read as the agent wrote them', () => {
  it('makes one session of each run (transcript and result), as its truth table says', async () => {
    const runs = manifest<Run[]>(SHARED);
    const read = await readLogs(SHARED, ['dot-claude', 'stdout'], {
      rules: {
        variant: { from: 'path', pattern: /-(cold|warm|maxturns1)-/ },
        task: { from: 'prompt' },
      },
    });
    expect(read.problems).toEqual([]);
    expect(read.recordFiles).toEqual([]);
    expect(read.sessions).toHaveLength(runs.length);
    const sessions = byId(read.sessions);
    for (const run of runs) {
      const { record, file } = sessions.get(run.session_id)!;
      expect(file).toBe(run.transcript);
      expect(record).toMatchObject({
        ...truthOf(run),
        metrics: {
          cost_usd: run.total_cost_usd,
          input_tokens: run.input_tokens,
          output_tokens: run.output_tokens,
          turns: run.num_turns,
        },
      });
    }
  });

  it('reads a transcript alone: no outcome, time from its timestamps, tokens once per reply', async () => {
    const runs = manifest<Run[]>(SHARED);
    const read = await readLogs(SHARED, ['dot-claude']);
    expect(read.problems).toEqual([]);
    const sessions = byId(read.sessions);
    for (const run of runs) {
      const { record } = sessions.get(run.session_id)!;
      expect(record.success).toBeUndefined();
      expect(record.tool_calls).toBe(run.transcript_tool_calls);
      expect(record.tool_calls! - record.successful_tool_calls!).toBe(
        run.transcript_failed_tool_calls,
      );
      expect(record.completion_time_seconds).toBe(run.transcript_span_ms / 1000);
      // The stream-json run's transcript holds the same replies: its tokens too.
      expect(record.metrics).toMatchObject({
        input_tokens: run.input_tokens,
        output_tokens: run.output_tokens,
      });
    }
  });

  it('reads a result alone, and asks for the prompt the task is taken from', async () => {
    const [run] = manifest<Run[]>(SHARED);
    const alone = await readLogs(SHARED, [run!.stdout]);
    expect(alone.sessions).toEqual([]);
    expect(alone.problems).toEqual([
      expect.objectContaining({
        file: run!.stdout,
        location: '1',
        field: 'task_id',
        message: expect.stringContaining('no task: the session has no prompt'),
      }),
    ]);
    const byField = await readLogs(SHARED, [run!.stdout], {
      rules: {
        variant: { from: 'value', value: 'cold' },
        task: { from: 'field', field: 'session_id' },
      },
    });
    expect(byField.sessions[0]!.record).toMatchObject({
      task_id: run!.session_id,
      success: true,
      completion_time_seconds: run!.duration_ms / 1000,
    });
  });

  it("folds a subagent's sidechain into its session, or leaves it out", async () => {
    const runs = manifest<Run[]>(OWN);
    const read = await readLogs(OWN, ['dot-claude', 'stdout']);
    expect(read.problems).toEqual([]);
    // The .meta.json beside each sidechain is Claude Code's too: not a file of session records.
    expect(read.recordFiles).toEqual([]);
    const folded = byId(read.sessions);
    const omitted = byId(
      (await readLogs(OWN, ['dot-claude', 'stdout'], { subagents: 'omit' })).sessions,
    );
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expect(folded.get(run.session_id)!.record).toMatchObject({
        tool_calls: run.truth_tool_calls,
        successful_tool_calls: run.truth_tool_calls - run.truth_failed_tool_calls,
        success: true,
        task_id: promptTaskId(run.prompt),
      });
      expect(omitted.get(run.session_id)!.record).toMatchObject({
        tool_calls: run.transcript_tool_calls,
        successful_tool_calls: run.transcript_tool_calls - run.transcript_failed_tool_calls,
      });
    }
    expect(folded.size).toBe(2);
  });
});
