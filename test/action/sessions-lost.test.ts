import { describe, expect, it } from 'vitest';
import { readZip } from '../fake-github/read-zip.js';
import { zipOf } from '../support/fake-github/index.js';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { sessions, snapshotZip } from './sessions.js';
import { repeated, storeSnapshots } from './store-contents.js';

/** The three ways sessions used to vanish for good (issue 9), each run against the fake. */

const github = useFakeGitHub();
const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r.session_id));
const total = (result: { outputs: Record<string, string> }) =>
  Number(result.outputs['sessions-control']) + Number(result.outputs['sessions-treatment']);

describe('sessions are no longer lost', () => {
  it('the reader reads what the writer wrote: 20 sessions of 6,000 equal errors (237:1)', async () => {
    const { fake } = github;
    const errors = Array.from({ length: 6000 }, () => 'ECONNRESET: the tool server hung up');
    const noisy = sessions({ prefix: 'noisy', perArm: 10 }).map((r) => ({ ...r, errors }));
    const first = await step(fake, { records: noisy });
    expect(first.status, log(first)).toBe(0);
    const [written] = fake.state.artifacts().filter((a) => a.name === 'ab-verdict-exp');
    const inflated = (await readZip(written!.zipBytes))['sessions.jsonl']!.length;
    expect(inflated).toBeGreaterThan(2_800_000);
    expect(inflated / written!.size).toBeGreaterThan(200);

    const second = await step(fake, { records: sessions({ prefix: 'after', perArm: 3 }) });
    expect(second.status, log(second)).toBe(0);
    expect(total(second)).toBe(26);
    expect(annotations(second, 'warning')).toEqual([]);
    const [newest] = await storeSnapshots(fake, 'exp');
    expect(newest?.sessionIds).toHaveLength(26);
  });

  it('a snapshot under -3 is read when -2 was reserved and never finalized', async () => {
    const { fake } = github;
    const base = sessions({ prefix: 'base', perArm: 10 });
    const run = fake.state.newRun();
    expect((await step(fake, { run, records: base })).status).toBe(0);
    // A second job of the run created -2 and was killed before Finalize: the name stays taken.
    fake.state.reserveName(run.id, 'ab-verdict-exp-2');
    const rerun = fake.state.newRun({ runId: run.id });
    const extra = sessions({ prefix: 'extra', perArm: 5 });
    const second = await step(fake, { run: rerun, records: extra });
    expect(second.status, log(second)).toBe(0);
    expect((await storeSnapshots(fake, 'exp')).map((s) => s.name)).toContain('ab-verdict-exp-3');

    const next = await step(fake, { records: sessions({ prefix: 'next', perArm: 1 }) });
    expect(next.status, log(next)).toBe(0);
    expect(total(next)).toBe(32);
    const [newest] = await storeSnapshots(fake, 'exp');
    expect(newest?.sessionIds.sort()).toEqual(
      [...ids(base), ...ids(extra), ...ids(sessions({ prefix: 'next', perArm: 1 }))].sort(),
    );
  });

  it('a lost CreateArtifact reply: the taken name is passed over and the next run reads the one used', async () => {
    const { fake } = github;
    const lost = fake.faults.loseReplyOnce('CreateArtifact');
    const first = await step(fake, { records: sessions({ prefix: 'lost-create', perArm: 4 }) });
    expect(first.status, log(first)).toBe(0);
    expect(lost.hits).toBe(1);
    expect((await storeSnapshots(fake, 'exp')).map((s) => s.name)).toEqual(['ab-verdict-exp-2']);
    const next = await step(fake, { records: sessions({ prefix: 'then', perArm: 1 }) });
    expect(next.status, log(next)).toBe(0);
    expect(total(next)).toBe(10);
  });

  it.each([
    ['empty', () => ''],
    ['missing', () => undefined],
    ['partly rejected', (lines: string) => lines.replace(/"variant":"cold"/g, '"variant":1')],
  ])(
    'covers are not believed when sessions.jsonl is %s: what it covers is read itself',
    async (_, damage) => {
      const { fake } = github;
      const held = sessions({ prefix: 'held', perArm: 10, experiment: 'exp' });
      const covered = await fake.state.seedArtifact({
        name: 'ab-verdict-exp',
        runId: 4500,
        zipBytes: await snapshotZip({ experiment: 'exp', records: held }),
        createdAt: new Date(Date.now() - 2 * 3600_000),
      });
      const files = await readZip(
        await snapshotZip({ experiment: 'exp', records: held, covers: [covered.id] }),
      );
      const text = damage(files['sessions.jsonl']!.toString('utf8'));
      const claiming = await fake.state.seedArtifact({
        name: 'ab-verdict-exp',
        runId: 4501,
        zipBytes: await zipOf({
          'manifest.json': files['manifest.json']!,
          ...(text === undefined ? {} : { 'sessions.jsonl': text }),
        }),
        createdAt: new Date(Date.now() - 3600_000),
      });
      const fresh = sessions({ prefix: 'fresh', perArm: 2 });
      const result = await step(fake, { records: fresh });
      expect(result.status, log(result)).toBe(0);
      expect(total(result)).toBe(24);
      expect(annotations(result, 'warning').join('\n')).toContain(`id ${claiming.id}`);
      const [newest] = await storeSnapshots(fake, 'exp');
      expect(newest?.sessionIds.sort()).toEqual([...ids(held), ...ids(fresh)].sort());
      expect(repeated(newest?.sessionIds ?? [])).toEqual([]);
      // The new snapshot covers what it read whole, and not the one that claimed too much.
      expect(newest?.manifest.covers).toEqual([covered.id]);
    },
  );
});
