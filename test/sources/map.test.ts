import { describe, expect, it } from 'vitest';
import { parseFieldMap } from '../../src/config/field-map.js';
import { ConfigError } from '../../src/config/parse-inputs.js';
import { parseSourceSettings } from '../../src/config/source-settings.js';
import { formatProblem } from '../../src/records/problems.js';
import { sourceOptions } from '../../src/sources/read-inputs.js';
import { useTempFiles } from '../records/temp-files.js';
import { byId, manifest, readLogs, SHARED_LOGS } from './agent-logs.js';

const tempFiles = useTempFiles();

/** Reads `files` of `dir` as the settings the flags give say, the mapping among them. */
async function readMapped(dir: string, files: string[], map: string, flags = {}) {
  const settings = parseSourceSettings({ map: { text: map, origin: 'inline' }, ...flags });
  return readLogs(dir, files, sourceOptions(settings));
}

const RUNS_MAP = `
session_id: run
variant: arm
task_id: case
success: status | true=passed
completion_time_seconds: duration_ms | ms
tool_calls: calls
failed_tool_calls: failed
metrics.cost_usd: cost
`;

describe('a field mapping', () => {
  it('reads targets, sources and transforms from YAML or JSON', () => {
    const problems: string[] = [];
    const yaml = parseFieldMap(RUNS_MAP, '--map', problems);
    expect(problems).toEqual([]);
    expect(yaml?.fields).toContainEqual({
      target: 'success',
      source: 'status',
      trueWords: ['passed'],
    });
    expect(yaml?.fields).toContainEqual({
      target: 'completion_time_seconds',
      source: 'duration_ms',
      per: 1000,
    });
    const json = parseFieldMap(
      '{"session_id": "id", "start_time": "t | ms | epoch", "records": "data.runs"}',
      '--map',
      problems,
    );
    expect(json).toEqual({
      fields: [
        { target: 'session_id', source: 'id' },
        { target: 'start_time', source: 't', per: 1000, epoch: true },
      ],
      records: 'data.runs',
    });
  });

  it('names every mistake: the target, and what was expected', () => {
    const problems: string[] = [];
    const map = parseFieldMap(
      'sesion_id: id\nsuccess: ok | ms\ntool_calls: 3\nstart_time: t | ms\nnotes: " | x"',
      'map (m.yaml)',
      problems,
    );
    expect(map).toBeUndefined();
    expect(problems).toEqual([
      expect.stringMatching(
        /^map \(m\.yaml\): sesion_id: not a record field: expected one of session_id, variant, .* or metrics\.<name>$/,
      ),
      'map (m.yaml): success: unknown transform "ms": success takes true=, false=, not',
      'map (m.yaml): tool_calls: expected a column or JSON path, got 3',
      'map (m.yaml): start_time: ms goes with epoch: "… | ms | epoch" for milliseconds since 1970',
      'map (m.yaml): notes: expected a column or JSON path before the first |, got " | x"',
      "map (m.yaml): session_id: required: the column or path of each session's unique id",
    ]);
    expect(parseFieldMap('- a', '--map', [])).toBeUndefined();
  });

  it('implies --from map, and takes the variant and task from the mapped fields unless given', () => {
    const settings = parseSourceSettings({ map: { text: RUNS_MAP, origin: 'inline' } });
    expect(settings).toMatchObject({
      from: 'map',
      variant: { from: 'field', field: 'variant' },
      task: { from: 'field', field: 'task_id' },
    });
    const flagged = parseSourceSettings({
      map: { text: RUNS_MAP, origin: 'inline' },
      variant: 'warm',
      taskBy: 'prompt',
    });
    expect(flagged).toMatchObject({ variant: { from: 'value' }, task: { from: 'prompt' } });
    const mistakes = (raw: Parameters<typeof parseSourceSettings>[0]) => {
      try {
        parseSourceSettings(raw);
      } catch (error) {
        return (error as ConfigError).messages;
      }
      return [];
    };
    expect(mistakes({ from: 'codex', map: { text: RUNS_MAP, origin: 'm.yaml' } })).toEqual([
      '--map goes with --from map',
    ]);
    expect(mistakes({ from: 'map' })).toEqual(['--from map: give the field mapping with --map']);
    expect(mistakes({ map: { text: 'session_id: id', origin: 'inline' } })).toEqual([
      '--map: task_id or prompt: required: what pairs the sessions of both variants (or give --task-by)',
    ]);
  });
});

describe('files read through a field mapping', () => {
  it('reads a CSV: numbers from text, ms to seconds, "passed" to true, failed calls to successful ones', async () => {
    const dir = tempFiles({
      'runs.csv':
        'run,arm,case,status,duration_ms,calls,failed,cost\r\nr1,cold,t1,passed,1500,4,1,0.02\r\n"r2",warm,t1,FAILED,900,3,0,\r\n',
    });
    const read = await readMapped(dir, ['.'], RUNS_MAP);
    expect(read.problems).toEqual([]);
    expect(read.sessions.map((session) => [session.file, session.location])).toEqual([
      ['runs.csv', '2'],
      ['runs.csv', '3'],
    ]);
    const sessions = byId(read.sessions);
    expect(sessions.get('r1')!.record).toEqual({
      session_id: 'r1',
      variant: 'cold',
      task_id: 't1',
      success: true,
      tool_calls: 4,
      successful_tool_calls: 3,
      completion_time_seconds: 1.5,
      metrics: { cost_usd: 0.02 },
    });
    expect(sessions.get('r2')!.record).toMatchObject({
      variant: 'warm',
      success: false,
      successful_tool_calls: 3,
    });
    expect(sessions.get('r2')!.record.metrics).toBeUndefined();
  });

  it('names the file, line, target, column and what was expected for a bad value', async () => {
    const dir = tempFiles({
      'runs.csv':
        'run,arm,case,status,duration_ms,calls,failed,cost\nr1,cold,t1,passed,abc,2,3,x\n,cold,t2,passed,1,1,0,1\nr3,cold,t3,"passed\nr4,warm,t1,passed,1,1,0,1\n',
      'runs.tsv': 'run\tarm\tcase\tstatus\nr9\tcold\tt1\tmaybe\n',
      'other.csv': 'id,variant\n1,cold\n',
      'empty.csv': '',
    });
    const read = await readMapped(
      dir,
      ['runs.csv', 'runs.tsv', 'other.csv', 'empty.csv'],
      RUNS_MAP,
    );
    expect(read.problems.map(formatProblem)).toEqual([
      'runs.csv:2: failed_tool_calls (column "failed"): expected at most tool_calls (2), got 3',
      'runs.csv:2: completion_time_seconds (column "duration_ms"): expected a number, got "abc"',
      'runs.csv:2: metrics.cost_usd (column "cost"): expected a number or true/false, got "x"',
      'runs.csv:3: session_id (column "run"): required, missing',
      expect.stringMatching(/^runs\.csv:\d+: not valid CSV \(Quote Not Closed/),
      'runs.tsv:1: no column "duration_ms", "calls", "failed", "cost" for the field mapping (the header has: run, arm, case, status)',
      'other.csv:1: no column "run", "arm", "case", "status", "duration_ms", "calls", "failed", "cost" for the field mapping (the header has: id, variant)',
      'empty.csv: empty file, expected a header line naming the columns, then rows',
    ]);
    expect(read.sessions).toEqual([]);
  });

  it('reads JSON Lines by path, a time in seconds since 1970, a list split at a separator', async () => {
    const dir = tempFiles({
      'runs.jsonl': [
        '{"meta": {"id": 7, "arm": "cold"}, "task": {"prompt": "Fix the bug"}, "ok": true, "t": 1700000000, "errs": "a;b"}',
        '{"meta": {"id": 8, "arm": "warm"}, "task": {"prompt": "Fix  the bug"}, "ok": "no", "t": "x"}',
        '[1]',
      ].join('\n'),
    });
    const map = `
session_id: meta.id
variant: meta.arm
prompt: task.prompt
success: ok
start_time: t | epoch
errors: errs | split=;
`;
    const read = await readMapped(dir, ['runs.jsonl'], map);
    expect(read.problems.map(formatProblem)).toEqual([
      'runs.jsonl:2: start_time ("t"): expected a number of seconds since 1970, got "x"',
      'runs.jsonl:3: expected a JSON object, got an array',
    ]);
    expect(read.sessions).toHaveLength(1);
    expect(read.sessions[0]!.record).toMatchObject({
      session_id: '7',
      variant: 'cold',
      task_id: expect.stringMatching(/^prompt-[0-9a-f]{12}$/),
      success: true,
      start_time: '2023-11-14T22:13:20.000Z',
      errors: ['a', 'b'],
    });
  });

  it('reads JSON: the array at the records path, located by index', async () => {
    const dir = tempFiles({
      'report.json': JSON.stringify({
        results: {
          rows: [
            { id: 'a', v: 'cold', task: 'x', pass: 1 },
            { id: 'b', v: 'warm' },
          ],
        },
      }),
    });
    const map = 'records: results.rows\nsession_id: id\nvariant: v\ntask_id: task\nsuccess: pass';
    const read = await readMapped(dir, ['report.json'], map);
    expect(read.problems.map(formatProblem)).toEqual([
      'report.json: results.rows[1].task_id: no task: the session has no field task_id (it has: variant)',
    ]);
    expect(read.sessions.map((session) => session.record)).toEqual([
      { session_id: 'a', variant: 'cold', task_id: 'x', success: true },
    ]);
  });

  it("maps Claude Code's own -p results, as the truth table says", async () => {
    const folder = `${SHARED_LOGS}/claude-code`;
    const runs = manifest<
      {
        format: string;
        stdout: string;
        session_id: string;
        variant: string;
        success: boolean;
        duration_ms: number;
        total_cost_usd: number;
      }[]
    >(folder).filter((run) => run.format === 'json');
    const map = `
session_id: session_id
task_id: session_id
success: is_error | not
completion_time_seconds: duration_ms | ms
metrics.cost_usd: total_cost_usd
metrics.input_tokens: usage.input_tokens
`;
    const read = await readMapped(
      folder,
      runs.map((run) => run.stdout),
      map,
      { variantFrom: 'path', variantPattern: '\\.(cold|warm|maxturns1)\\.' },
    );
    expect(read.problems).toEqual([]);
    const sessions = byId(read.sessions);
    for (const run of runs) {
      expect(sessions.get(run.session_id)!.record).toMatchObject({
        variant: run.variant,
        success: run.success,
        completion_time_seconds: run.duration_ms / 1000,
        metrics: { cost_usd: run.total_cost_usd },
      });
    }
  });
});
