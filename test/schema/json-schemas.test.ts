import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { jsonSchemaOf, SCHEMAS, schemaText } from '../../scripts/write-schemas.js';
import { reportSchema } from '../../src/analysis/report-types.js';
import { main } from '../../src/cli/main.js';
import { validateRecord } from '../../src/records/schema.js';
import { REPO } from '../support/run-cli.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const schemaFile = (path: string) =>
  JSON.parse(readFileSync(join(REPO, path), 'utf8')) as Record<string, unknown>;
const recordValid = ajv.compile(schemaFile('schema/session-record.schema.json'));
const reportValid = ajv.compile(schemaFile('schema/report.schema.json'));
/** The report schema closed: a field the zod schema does not name fails it. */
const reportClosed = ajv.compile(z.toJSONSchema(reportSchema, { io: 'output' }));

const EXAMPLES = join(REPO, 'examples');

/** Every record of the example files. */
function exampleRecords(): unknown[] {
  const records: unknown[] = [];
  for (const name of readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.jsonl')) continue;
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    records.push(
      ...text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    );
  }
  return records;
}

/** What `ab-verdict analyze --json` prints for these arguments. */
async function analyzeJson(args: string[]): Promise<unknown> {
  let stdout = '';
  const code = await main(['analyze', ...args, '--json'], {
    cwd: REPO,
    stdout: (text) => (stdout += text),
    stderr: () => {},
  });
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('the JSON Schemas in schema/', () => {
  it('are what the zod schemas give today (npm run schema)', async () => {
    for (const [path, schema] of Object.entries(SCHEMAS)) {
      const file = join(REPO, path);
      expect(readFileSync(file, 'utf8'), `run npm run schema: ${path} is stale`).toBe(
        await schemaText(file, schema()),
      );
    }
  });

  it('accept every record of the examples, as the reader does', () => {
    const records = exampleRecords();
    expect(records.length).toBeGreaterThan(100);
    for (const record of records) {
      expect(recordValid(record), JSON.stringify(recordValid.errors)).toBe(true);
      expect(validateRecord(record)).toHaveProperty('record');
    }
  });

  it('reject the records the reader rejects, field by field', () => {
    const base = { session_id: 's', variant: 'cold', task_id: 't' };
    const invalid: Record<string, unknown>[] = [
      { variant: 'cold', task_id: 't' },
      { ...base, session_id: null },
      { ...base, task_id: '' },
      { session_id: 's', task_id: 't' },
      { ...base, variant: null },
      { ...base, tool_calls: -1 },
      { ...base, message_count: 1.5 },
      { ...base, completion_time_seconds: '12' },
      { ...base, success: 'yes' },
      { ...base, errors: [1] },
      { ...base, start_time: 'yesterday' },
      { ...base, metrics: { cost: 'high' } },
      { ...base, metrics: { '': 1 } },
    ];
    for (const record of invalid) {
      expect(recordValid(record), JSON.stringify(record)).toBe(false);
      expect(validateRecord(record), JSON.stringify(record)).toHaveProperty('problems');
    }
    const valid = [
      { ...base, start_time: '2026-11-30T00:47:32.966063+00:00', success: null },
      { session_id: 's', session_type: 'warm', task_id: 't', extra: { kept: true } },
    ];
    for (const record of valid) {
      expect(recordValid(record), JSON.stringify(recordValid.errors)).toBe(true);
      expect(validateRecord(record)).toHaveProperty('record');
    }
  });

  it('accept real analyze --json reports, which name no field the schema lacks', async () => {
    const example = 'examples/warm-vs-cold';
    const reports = [
      await analyzeJson([example]),
      await analyzeJson([
        example,
        '--method',
        'sequential',
        '--segments',
        'category,difficulty',
        '--cap',
        '99',
        '--chance-to-beat',
      ]),
      // One arm without sessions (no other variant either): analysed, with nulls.
      await analyzeJson([`${example}/cold.jsonl`]),
    ];
    for (const report of reports) {
      expect(reportValid(report), JSON.stringify(reportValid.errors)).toBe(true);
      expect(reportClosed(report), JSON.stringify(reportClosed.errors)).toBe(true);
    }
    const [first] = reports as Record<string, unknown>[];
    expect(reportValid({ ...first, recommendation: { verdict: 'maybe' } })).toBe(false);
    expect(reportValid({ ...first, schemaVersion: 2 })).toBe(false);
    expect(reportClosed({ ...first, surprise: 1 })).toBe(false);
  });

  it('refuse a check that JSON Schema cannot say', () => {
    const loose = z.object({ id: z.custom<string>((value) => typeof value === 'string') });
    expect(() => jsonSchemaOf(loose)).toThrow('no JSON Schema for id');
  });
});
