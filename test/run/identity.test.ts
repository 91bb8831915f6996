import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PROBE_AGENT,
  runInProcess,
  sessionsOf,
  tempDir,
  writeExperiment,
} from './support/experiments.js';

describe('each session gets its identity, its own folder, and an argv without a shell', () => {
  it('hands the identity in the environment and in ${AB_VERDICT_…} arguments, passing the rest as it is', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const hostile = '$(touch pwned); echo `id` > pwned2 * $HOME';
    const file = writeExperiment(dir, {
      tasks: [
        { id: 'fix-login', prompt: 'Fix the "login" test; then $(rm -rf /)', args: [hostile] },
      ],
      variants: {
        cold: {
          command: [process.execPath, PROBE_AGENT, '--task=${AB_VERDICT_TASK_ID}'],
          env: { AB_VERDICT_TASK_ID: 'overridden by the identity', EXTRA: '1' },
        },
        warm: {
          command: [process.execPath, PROBE_AGENT, '--task=${AB_VERDICT_TASK_ID}'],
          context: 'context.md',
        },
      },
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'context.md'), 'warm notes');
    const ran = await runInProcess([file, '--out', out], {
      env: { ...process.env, CI: 'true', AB_VERDICT_SESSION_ID: 'leaked from outside' },
    });
    expect(ran.code, ran.stderr).toBe(0);
    const workdirs = new Set<string>();
    for (const record of sessionsOf(out)) {
      const folder = join(out, 'work', 'fix-login', `${record.variant}-1`);
      const probe = JSON.parse(readFileSync(join(folder, 'workdir', 'probe.json'), 'utf8'));
      expect(probe.argv).toEqual(['--task=fix-login', hostile]);
      expect(probe.cwd).toBe(join(folder, 'workdir'));
      workdirs.add(probe.cwd);
      expect(probe.env).toMatchObject({
        AB_VERDICT_SESSION_ID: record.session_id,
        AB_VERDICT_TASK_ID: 'fix-login',
        AB_VERDICT_VARIANT: record.variant,
        AB_VERDICT_PROMPT: 'Fix the "login" test; then $(rm -rf /)',
        AB_VERDICT_CONTEXT_FILE: record.variant === 'warm' ? join(dir, 'context.md') : '',
        AB_VERDICT_WORKDIR: join(folder, 'workdir'),
      });
      expect(probe.env.AB_VERDICT_RESULT).toMatch(
        new RegExp(`^${folder}/result-[0-9a-f]{8}\\.json$`),
      );
      expect(existsSync(join(folder, 'workdir', 'pwned'))).toBe(false);
      expect(existsSync(join(folder, 'workdir', 'pwned2'))).toBe(false);
    }
    expect(workdirs.size).toBe(2);
  });
});
