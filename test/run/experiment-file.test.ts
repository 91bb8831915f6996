import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/parse-inputs.js';
import { experimentJsonSchema } from '../../src/run/experiment-schema.js';
import { loadExperiment } from '../../src/run/load-experiment.js';
import { schemaText, SCHEMAS } from '../../scripts/write-schemas.js';
import { EXAMPLE, tempDir } from './support/experiments.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

async function problems(text: string, name = 'experiment.yml'): Promise<string[]> {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  try {
    await loadExperiment(name, dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.messages;
    throw error;
  }
  return [];
}

describe('the experiment file', () => {
  it('reads the example with its defaults, paths relative to the file, control first', async () => {
    const experiment = await loadExperiment('examples/run/experiment.yml', REPO);
    expect(experiment).toMatchObject({
      experiment: 'warm-vs-cold-example',
      seed: 7,
      repetitions: 5,
      concurrency: 4,
      timeoutMs: 60_000,
      retries: 1,
      infraExitCodes: [75],
      timeoutIsInfra: false,
    });
    expect(experiment.tasks).toHaveLength(8);
    const [cold, warm] = experiment.variants;
    expect(cold).toEqual({ name: 'cold', command: ['node', join(EXAMPLE, 'agent.mjs')], env: {} });
    expect(warm.context).toBe(join(EXAMPLE, 'warm-context.md'));
  });

  it('takes JSON too, and a control named by the file', async () => {
    const dir = tempDir();
    const file = {
      experiment: 'e',
      control: 'b',
      timeout: 90,
      tasks: [{ id: 't', prompt: 'p', files: ['src'], args: ['./x', 'y'] }],
      variants: { a: { command: ['a'] }, b: { command: ['b'], env: { K: 'v' } } },
    };
    writeFileSync(join(dir, 'e.json'), JSON.stringify(file));
    const experiment = await loadExperiment('e.json', dir);
    expect(experiment.variants.map((v) => v.name)).toEqual(['b', 'a']);
    expect(experiment.timeoutMs).toBe(90_000);
    expect(experiment.tasks[0]).toMatchObject({
      files: [join(dir, 'src')],
      args: [join(dir, 'x'), 'y'],
    });
    expect(experiment.analysis).toMatchObject({ experiment: 'e', control: 'b', treatment: 'a' });
  });

  it('reports every mistake with its file, line, field and what was expected', async () => {
    const found = await problems(
      [
        'experiment: e',
        'repetitions: 0',
        'timeout: soon',
        'tasks:',
        '  - id: t1',
        '  - id: bad id',
        '    prompt: p',
        'variants:',
        '  cold: { command: [a] }',
        'colour: blue',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/^experiment\.yml:1: the file: unknown key colour$/),
      expect.stringMatching(/^experiment\.yml:2: repetitions: .*>=1/),
      expect.stringMatching(/^experiment\.yml:3: timeout: /),
      expect.stringMatching(/^experiment\.yml:5: tasks\[0\]\.prompt: /),
      expect.stringMatching(/^experiment\.yml:6: tasks\[1\]\.id: expected letters, digits/),
      expect.stringMatching(/^experiment\.yml:9: variants: expected exactly two variants/),
    ]);
  });

  it('reports a YAML syntax error with its line, and a task id used twice', async () => {
    expect(await problems('experiment: e\ntasks: [\n')).toEqual([
      expect.stringMatching(/^experiment\.yml:\d+: /),
    ]);
    const twice = await problems(
      'experiment: e\ntasks: [{id: a, prompt: p}, {id: a, prompt: q}]\nvariants: {x: {command: [x]}, y: {command: [y]}}\n',
    );
    expect(twice).toEqual(['experiment.yml: tasks: the id "a" is used twice']);
  });
});

describe('schema/experiment.schema.json', () => {
  it('is fresh: what npm run schema writes from the zod schema', async () => {
    for (const [path, schema] of Object.entries(SCHEMAS)) {
      const file = join(REPO, path);
      expect(readFileSync(file, 'utf8'), `run npm run schema: ${path} is stale`).toBe(
        await schemaText(file, schema()),
      );
    }
  });

  it('describes the keys of the issue’s interface', () => {
    const schema = experimentJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'experiment',
        'seed',
        'repetitions',
        'concurrency',
        'timeout',
        'retries',
        'infra-exit-codes',
        'tasks',
        'variants',
      ]),
    );
  });
});
