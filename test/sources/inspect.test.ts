import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/records/problems.js';
import { chooseScorer, successOf } from '../../src/sources/inspect/sample.js';
import { useTempFiles } from '../records/temp-files.js';
import { byId, manifest, readLogs, SHARED_LOGS } from './agent-logs.js';

/** inspect_ai/manifest.json: the logs and the truth table of their samples. */
interface Manifest {
  logs: { name: string; file: string; variant: string }[];
  samples: {
    log: string;
    sample: string;
    variant: string;
    score: string;
    truth_calls: number;
    truth_failed: number;
    total_time: number;
    messages: number;
    started_at: string;
    completed_at: string;
    tokens: Record<string, [number, number]>;
    uuid: string;
  }[];
}

const FOLDER = `${SHARED_LOGS}/inspect_ai`;
const truth = manifest<Manifest>(FOLDER);
const [EVAL_LOG, JSON_LOG] = ['eval', 'json'].map(
  (format) => truth.logs.find((log) => log.name.endsWith(`.${format}`))!.file,
) as [string, string];
/** Variant from the task's `solver` argument, task from the eval's task and the sample id. */
const BY_SAMPLE = {
  variant: { from: 'field', field: 'task_arg.solver' },
  task: { from: 'field', field: 'sample' },
} as const;
const tempFiles = useTempFiles();

describe('inspect_ai eval logs, read as inspect wrote them', () => {
  it('makes one session per sample of the .eval and the .json log, as the truth table says', async () => {
    const read = await readLogs(FOLDER, ['logs'], { rules: BY_SAMPLE });
    expect(read.problems).toEqual([]);
    expect(read.warnings).toEqual([]);
    expect(read.recordFiles).toEqual([]);
    expect(read.logFiles).toEqual([EVAL_LOG, JSON_LOG].sort());
    expect(read.sessions).toHaveLength(truth.samples.length);
    const sessions = byId(read.sessions);
    for (const sample of truth.samples) {
      const log = truth.logs.find((candidate) => candidate.name === sample.log)!;
      const { record, file } = sessions.get(sample.uuid)!;
      const [input, output] = Object.values(sample.tokens)[0]!;
      expect(file).toBe(log.file);
      expect(record).toMatchObject({
        variant: sample.variant,
        task_id: `tiny_calc/${sample.sample}`,
        success: sample.score === 'C',
        tool_calls: sample.truth_calls,
        successful_tool_calls: sample.truth_calls - sample.truth_failed,
        completion_time_seconds: sample.total_time,
        message_count: sample.messages,
        metrics: { input_tokens: input, output_tokens: output },
        inspect: { sample_id: sample.sample, epoch: 1, scores: { includes: sample.score } },
      });
      expect(Date.parse(record.start_time!)).toBe(Math.floor(Date.parse(sample.started_at)));
      expect(Date.parse(record.end_time!)).toBe(Math.floor(Date.parse(sample.completed_at)));
    }
  });

  it('tells both logs apart from session records under auto, and reads them alike named', async () => {
    const named = await readLogs(FOLDER, ['logs'], { from: 'inspect', rules: BY_SAMPLE });
    const detected = await readLogs(FOLDER, [EVAL_LOG, JSON_LOG], { rules: BY_SAMPLE });
    expect(named.sessions).toEqual(detected.sessions);
    expect(detected.sessions).toHaveLength(truth.samples.length);
  });

  it('pairs with Claude Code sessions that ran the same prompt', async () => {
    const read = await readLogs(
      SHARED_LOGS,
      ['inspect_ai/logs', 'claude-code/dot-claude', 'claude-code/stdout'],
      {
        rules: { variant: { from: 'value', value: 'x' }, task: { from: 'prompt' } },
      },
    );
    expect(read.problems).toEqual([]);
    const tasksOf = (file: RegExp) =>
      new Set(read.sessions.filter((s) => file.test(s.file)).map((s) => s.record.task_id));
    const shared = [...tasksOf(/inspect_ai/)].filter((task) => tasksOf(/claude-code/).has(task));
    // t1, t3 and t4 ran the same prompt under both agents; t2 asked Claude Code for less.
    expect(shared).toHaveLength(3);
  });

  it('takes success from the scorer named, and says when the one named is not in the log', async () => {
    const includes = await readLogs(FOLDER, [EVAL_LOG], { rules: BY_SAMPLE, scorer: 'includes' });
    expect(includes.problems).toEqual([]);
    expect(includes.sessions.map((s) => s.record.success)).toEqual([true, false, true, true]);
    const other = await readLogs(FOLDER, [EVAL_LOG], { rules: BY_SAMPLE, scorer: 'match' });
    expect(other.problems.map(formatProblem)).toEqual([
      `${EVAL_LOG}: the scorer match chosen is not in this log (it has: includes)`,
    ]);
    expect(other.sessions.every((s) => s.record.success === undefined)).toBe(true);
  });

  it('names the entry of a .eval whose data is corrupt, and reads the other samples', async () => {
    const bytes = new Uint8Array(readFileSync(`${FOLDER}/${EVAL_LOG}`));
    const entry = 'samples/t2-read-readme_epoch_1.json';
    const start = dataStart(bytes, entry);
    bytes.fill(0x55, start + 200, start + 240);
    const dir = tempFiles({ 'broken.eval': bytes });
    const read = await readLogs(dir, ['broken.eval'], { rules: BY_SAMPLE });
    expect(read.problems.map(formatProblem)).toEqual([
      `broken.eval["${entry}"]: cannot read this entry: corrupt: its data does not match the size and checksum the zip recorded`,
    ]);
    expect(read.sessions).toHaveLength(3);
  });

  it('reads a log without samples from their summaries: no tool calls, and a warning', async () => {
    // The real log with its sample entries renamed (same length), as if log_samples=False.
    const bytes = Buffer.from(readFileSync(`${FOLDER}/${EVAL_LOG}`));
    for (let at = bytes.indexOf('samples/'); at !== -1; at = bytes.indexOf('samples/', at + 1)) {
      bytes.write('xamples/', at);
    }
    const dir = tempFiles({ 'no-samples.eval': bytes });
    const read = await readLogs(dir, ['no-samples.eval'], { rules: BY_SAMPLE });
    expect(read.problems).toEqual([]);
    expect(read.warnings.map(formatProblem)).toEqual([
      'no-samples.eval: no samples logged (log_samples=False): sessions from their summaries, without tool calls',
    ]);
    const sessions = byId(read.sessions);
    const samples = truth.samples.filter((sample) => sample.log.endsWith('.eval'));
    expect(sessions.size).toBe(samples.length);
    for (const sample of samples) {
      const { record } = sessions.get(sample.uuid)!;
      expect(record).toMatchObject({
        task_id: `tiny_calc/${sample.sample}`,
        success: sample.score === 'C',
        completion_time_seconds: sample.total_time,
        message_count: sample.messages,
      });
      expect(record.tool_calls).toBeUndefined();
    }
  });

  it('says which file is a truncated or foreign zip, or broken JSON, with the place', async () => {
    const whole = readFileSync(`${FOLDER}/${EVAL_LOG}`);
    const json = readFileSync(`${FOLDER}/${JSON_LOG}`, 'utf8');
    const dir = tempFiles({
      'cut.eval': whole.subarray(0, 5000),
      'cut.json': json.slice(0, 300),
      'empty.json':
        '{"version": 2, "status": "error", "eval": {"task": "t"}, "error": {"message": "boom\\nat x"}}',
    });
    const read = await readLogs(dir, ['cut.eval', 'cut.json', 'empty.json'], {
      from: 'inspect',
      rules: BY_SAMPLE,
    });
    const problems = read.problems.map(formatProblem);
    expect(problems[0]).toMatch(/^cut\.eval: not a readable \.eval log \(a zip\): /);
    expect(problems[1]).toMatch(/^cut\.json:\d+:\d+: not valid JSON/);
    expect(problems[2]).toBe(
      'empty.json: no samples in this log (status error: boom): written with log_samples=False, or stopped before any sample ended',
    );
    expect(problems).toHaveLength(3);
  });
});

describe('the success of a score', () => {
  it("reads inspect's values: C, I, N, yes/no, true/false, 1/0; partial and other numbers are neither", () => {
    expect(['C', 'yes', 'TRUE', true, 1, '1'].map(successOf)).toEqual(Array(6).fill(true));
    expect(['I', 'N', 'no', 'false', false, 0, '0'].map(successOf)).toEqual(Array(7).fill(false));
    expect(['P', 0.5, { a: 1 }, null, undefined].map(successOf)).toEqual(Array(5).fill(undefined));
  });

  it('takes the only scorer, the one named, and none of several unless one is named', () => {
    expect(chooseScorer({ includes: {} })).toEqual({ name: 'includes' });
    expect(chooseScorer({ a: {}, b: {} }, 'b')).toEqual({ name: 'b' });
    expect(chooseScorer({ a: {}, b: {} })).toEqual({
      none: 'several scorers (a, b): name the one of success (--scorer, input scorer)',
    });
    expect(chooseScorer({ a: {} }, 'c')).toEqual({
      none: 'no score of the scorer c (the sample has: a)',
    });
  });
});

/** Where an entry's data starts in a zip: after its local header, name and extra field. */
function dataStart(zip: Uint8Array, name: string): number {
  const at = Buffer.from(zip).indexOf(name);
  const header = at - 30;
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  return at + view.readUInt16LE(header + 26) + view.readUInt16LE(header + 28);
}
