import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchSession } from '../../src/run/match-logs.js';
import { SOURCES } from '../../src/sources/formats.js';
import { manifest, SHARED_LOGS, type HarnessRun } from '../sources/agent-logs.js';
import {
  runInProcess,
  sessionsOf,
  tasks,
  tempDir,
  testAgent,
  testAgentCommand,
  writeExperiment,
} from './support/experiments.js';

const CLAUDE = join(SHARED_LOGS, 'claude-code');

interface ClaudeRun extends HarnessRun {
  name: string;
  session_id: string;
  cwd: string;
  transcript: string;
  stdout: string;
}
const runs = manifest<ClaudeRun[]>(CLAUDE);
const run = (name: string) => runs.find((r) => r.name === name)!;

/**
 * A variant whose command prints one real Claude Code run's result (as `claude -p
 * --output-format json` does) after copying its transcript into ./logs.
 */
function replaying(name: string) {
  const { transcript, stdout } = run(name);
  return {
    command: testAgentCommand([
      '--print',
      join(CLAUDE, stdout),
      '--copy',
      join(CLAUDE, transcript),
    ]),
  };
}

describe('metrics come from each of the three sources', () => {
  it('from the result file the command wrote', async () => {
    const dir = tempDir();
    const written = {
      cold: { success: false, tool_calls: 7, successful_tool_calls: 5, metrics: { tokens: 4300 } },
      warm: { success: true, tool_calls: 9, successful_tool_calls: 9, metrics: { tokens: 5100 } },
    };
    const file = writeExperiment(dir, {
      tasks: tasks(2),
      variants: testAgent(
        ['--result', JSON.stringify(written.cold)],
        ['--result', JSON.stringify(written.warm)],
      ),
    });
    expect((await runInProcess([file, '--out', `${dir}/out`])).code).toBe(0);
    const records = sessionsOf(`${dir}/out`);
    expect(records).toHaveLength(4);
    for (const record of records) {
      expect(record.run.metrics_from).toBe('result-file');
      // Every field of the file, the exit code's success (0: true) overridden by the file's.
      expect(record).toMatchObject(written[record.variant as 'cold' | 'warm']);
    }
  });

  it('from the logs the agent wrote and printed, read by the sources layer (real Claude Code files)', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, {
      tasks: tasks(1),
      variants: {
        cold: replaying('t3-missing-config.cold.json'),
        warm: replaying('t3-missing-config.maxturns1.json'),
      },
      metrics: { logs: 'logs' },
    });
    const ran = await runInProcess([file, '--out', `${dir}/out`]);
    expect(ran.code, ran.stderr).toBe(0);
    const records = sessionsOf(`${dir}/out`);
    const truth = { cold: 't3-missing-config.cold.json', warm: 't3-missing-config.maxturns1.json' };
    for (const record of records) {
      const expected = run(truth[record.variant as 'cold' | 'warm']);
      expect(record.run.metrics_from).toBe('claude-code');
      expect(record.agent_session_id).toBe(expected.session_id);
      expect(record).toMatchObject({
        session_id: `test:1:t1:${record.variant}:1`,
        task_id: 't1',
        success: expected.success,
        tool_calls: expected.truth_tool_calls,
        successful_tool_calls: expected.truth_tool_calls - expected.truth_failed_tool_calls,
        completion_time_seconds: expected.duration_ms / 1000,
      });
    }
  });

  it('else from the exit code and the wall time', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, {
      tasks: tasks(1),
      variants: {
        cold: { command: testAgentCommand(['--sleep', '0.1', '--exit', '0']) },
        warm: { command: testAgentCommand(['--exit', '3']) },
      },
    });
    expect((await runInProcess([file, '--out', `${dir}/out`])).code).toBe(0);
    const [a, b] = sessionsOf(`${dir}/out`).sort((x, y) => x.variant.localeCompare(y.variant));
    expect(a).toMatchObject({
      variant: 'cold',
      success: true,
      run: { metrics_from: 'exit-code', exit_code: 0 },
    });
    expect(b).toMatchObject({
      variant: 'warm',
      success: false,
      run: { metrics_from: 'exit-code', exit_code: 3 },
    });
    expect(a!.completion_time_seconds).toBeGreaterThanOrEqual(0.1);
    expect(a!.tool_calls).toBeUndefined();
  });

  it('an invalid result file is an infrastructure failure that says what is wrong', async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, {
      tasks: tasks(1),
      variants: {
        cold: { command: testAgentCommand(['--result', '{"tool_calls": -1}']) },
        warm: { command: testAgentCommand(['--result', '{"success": true,']) },
      },
    });
    const ran = await runInProcess([file, '--out', `${dir}/out`]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(
      /result-[0-9a-f]{8}\.json: tool_calls: expected a whole number >= 0/,
    );
    expect(ran.stderr).toMatch(/result-[0-9a-f]{8}\.json:1: invalid JSON/);
  });
});

describe('a session is matched to its logs by id or working directory', () => {
  async function found() {
    const dir = join(CLAUDE, 'dot-claude/projects');
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => ({ display: name, absolute: join(dir, name) }));
    return (await SOURCES['claude-code'].read(files, {})).sessions;
  }

  it('picks the session whose working directory is the session’s', async () => {
    const sessions = await found();
    for (const expected of runs) {
      const match = matchSession(sessions, {
        sessionId: 'x',
        workdir: expected.cwd,
        ownFolder: false,
      });
      expect(match?.record.session_id).toBe(expected.session_id);
    }
  });

  it('picks the session told its id, and none when nothing is certain', async () => {
    const sessions = await found();
    const id = run('t2-read-readme.warm.json').session_id;
    expect(
      matchSession(sessions, { sessionId: id, workdir: '/elsewhere', ownFolder: true })?.record
        .session_id,
    ).toBe(id);
    expect(
      matchSession(sessions, { sessionId: 'x', workdir: '/elsewhere', ownFolder: true }),
    ).toBeUndefined();
  });
});
