import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_LOGS, SHARED_LOGS } from '../sources/agent-logs.js';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { NODE24, node24Runs } from '../support/node24.js';
import type { ActionResult } from '../support/run-action.js';
import { workspace } from './sessions.js';

const github = useFakeGitHub();

/** The step ran, and counted these sessions of the control and of the treatment. */
function expectArms(result: ActionResult, control: number, treatment: number): void {
  expect(result.status, log(result)).toBe(0);
  expect(result.outputs['sessions-control']).toBe(String(control));
  expect(result.outputs['sessions-treatment']).toBe(String(treatment));
}

describe('agent logs as the results of a run', () => {
  it('reads Codex rollouts of two arms, the variant from their working folder', async () => {
    const cwd = workspace();
    cpSync(`${SHARED_LOGS}/codex/dot-codex`, join(cwd, 'logs/cold'), { recursive: true });
    cpSync(`${OWN_LOGS}/codex/dot-codex`, join(cwd, 'logs/warm'), { recursive: true });
    const result = await step(github.fake, {
      cwd,
      inputs: {
        results: 'logs',
        from: 'codex',
        'variant-from': 'field:cwd',
        'variant-pattern': '-(cold|warm)$',
        store: 'none',
      },
    });
    expectArms(result, 5, 4);
  });

  it.skipIf(!node24Runs)(
    'reads inspect_ai logs on Node 24, the variant from the log format, the success from the scorer named',
    async () => {
      const cwd = workspace();
      cpSync(`${SHARED_LOGS}/inspect_ai/logs`, join(cwd, 'logs'), { recursive: true });
      // The Action's runtime: the .eval zips' zstd entries decode there as on Node 20.
      const result = await step(github.fake, {
        cwd,
        node: NODE24,
        inputs: {
          results: 'logs',
          from: 'inspect',
          'variant-from': 'path',
          'variant-pattern': '\\.(eval|json)$',
          control: 'eval',
          treatment: 'json',
          scorer: 'includes',
          store: 'none',
        },
      });
      expectArms(result, 4, 4);
    },
  );

  it('reads CSV results of its own through the map input', async () => {
    const cwd = workspace({
      'results/runs.csv':
        'id,arm,case,ok\na1,cold,t1,1\na2,warm,t1,0\na3,cold,t2,1\na4,warm,t2,1\n',
    });
    const result = await step(github.fake, {
      cwd,
      inputs: {
        results: 'results',
        map: 'session_id: id\nvariant: arm\ntask_id: case\nsuccess: ok\n',
        store: 'none',
      },
    });
    expectArms(result, 2, 2);
    const badMap = await step(github.fake, {
      cwd,
      inputs: { results: 'results', map: 'session_id: id\nsucess: ok\n', store: 'none' },
    });
    expect(annotations(badMap, 'error').join('\n')).toContain(
      'map: sucess: not a record field: expected one of session_id,',
    );
  });

  it('names a missing variant and a bad from by input', async () => {
    const cwd = workspace();
    cpSync(`${SHARED_LOGS}/codex/stdout`, join(cwd, 'logs'), { recursive: true });
    const noVariant = await step(github.fake, { cwd, inputs: { results: 'logs', store: 'none' } });
    expect(noVariant.status).toBe(1);
    expect(annotations(noVariant, 'error').join('\n')).toContain(
      'the variant of their sessions is not known: give variant <name>, or variant-from model, path or field:<name>',
    );
    const badFrom = await step(github.fake, {
      cwd,
      inputs: { results: 'logs', from: 'langsmith', store: 'none' },
    });
    expect(annotations(badFrom, 'error').join('\n')).toContain(
      'from: expected one of auto, hermes-batch, hermes-db, claude-code, codex, inspect, map, got "langsmith"',
    );
  });
});
