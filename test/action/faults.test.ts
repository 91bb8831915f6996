import { describe, expect, it } from 'vitest';
import {
  pathTraversalZip,
  pullRequestEvent,
  truncatedZip,
  zipBomb,
} from '../support/fake-github/index.js';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { sessions, snapshotZip } from './sessions.js';
import { storeSnapshots } from './store-contents.js';
import { readZip } from '../fake-github/read-zip.js';

const github = useFakeGitHub();

/** The manifest of an empty snapshot of the experiment, as an artifact holds it. */
async function manifestOf(experiment: string): Promise<string> {
  const files = await readZip(await snapshotZip({ experiment, records: [] }));
  return files['manifest.json']?.toString('utf8') ?? '';
}
const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r.session_id));

/** A good snapshot (older) and a bad artifact (newer) of the store. */
async function seedGoodAndBad(bad: Buffer) {
  const { fake } = github;
  const good = sessions({ prefix: 'good', perArm: 6, experiment: 'exp' });
  await fake.state.seedArtifact({
    name: 'ab-verdict-exp',
    runId: 4100,
    zipBytes: await snapshotZip({ experiment: 'exp', records: good }),
    createdAt: new Date(Date.now() - 2 * 3600_000),
  });
  const broken = await fake.state.seedArtifact({
    name: 'ab-verdict-exp',
    runId: 4101,
    zipBytes: bad,
    createdAt: new Date(Date.now() - 3600_000),
  });
  return { good, broken };
}

describe('faults the store survives', () => {
  it.each([
    [
      'a truncated zip',
      async () => truncatedZip({ 'manifest.json': '{}', 'sessions.jsonl': '' }),
      /truncated or corrupt/,
    ],
    [
      'a zip bomb (1 GiB of zeros)',
      async () =>
        zipBomb({ name: 'sessions.jsonl', others: { 'manifest.json': await manifestOf('exp') } }),
      /sessions.jsonl:1: longer than 8388608 bytes, the longest a line may be; not a file ab-verdict wrote/,
    ],
    [
      'a zip bomb of newlines',
      async () =>
        zipBomb({
          name: 'sessions.jsonl',
          byte: 0x0a,
          entryBytes: 64 << 20,
          others: { 'manifest.json': await manifestOf('exp') },
        }),
      /more than 10000 blank lines; not a file ab-verdict wrote/,
    ],
    ['a path-traversal entry', async () => pathTraversalZip(), /path traversal/],
    [
      'a snapshot of a newer format',
      () => snapshotZip({ experiment: 'exp', records: [], schemaVersion: 2 }),
      /written by a newer ab-verdict .*upgrade/,
    ],
  ])('%s: a warning naming the artifact, the rest of the store used', async (_, make, why) => {
    const { fake } = github;
    const { good, broken } = await seedGoodAndBad(await make());
    const fresh = sessions({ prefix: 'fresh', perArm: 4 });
    const result = await step(fake, { records: fresh });
    expect(result.status, log(result)).toBe(0);
    const warning = annotations(result, 'warning').find((w) => w.includes(`id ${broken.id}`));
    expect(warning).toContain('ab-verdict-exp');
    expect(warning).toMatch(why);
    expect(result.outputs['sessions-control']).toBe(String(6 + 4));
    const [newest] = await storeSnapshots(fake, 'exp');
    expect(newest?.sessionIds.sort()).toEqual([...ids(good), ...ids(fresh)].sort());
    // Not covered: a later build that can read it still will.
    expect(newest?.manifest.covers).not.toContain(broken.id);
    expect(result.summary).toContain(`id ${broken.id}`);
  });

  it('bad lines in a snapshot are left out and named by line', async () => {
    const { fake } = github;
    const good = sessions({ prefix: 'lines', perArm: 3, experiment: 'exp' });
    const zip = await snapshotZip({
      experiment: 'exp',
      records: [...good, { session_id: 'x', variant: 'cold' }],
    });
    const artifact = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4200,
      zipBytes: zip,
    });
    const result = await step(fake, { records: sessions({ prefix: 'lines-now', perArm: 2 }) });
    expect(result.status, log(result)).toBe(0);
    const warning = annotations(result, 'warning').find((w) => w.includes(`id ${artifact.id}`));
    expect(warning).toContain('sessions.jsonl:7: record.task_id: required, missing; left out');
    expect(result.outputs['sessions-control']).toBe('5');
  });

  it('a 500 once on the artifact upload is retried and the run succeeds', async () => {
    const { fake } = github;
    const fault = fake.faults.serverErrorOnce('ArtifactService/CreateArtifact');
    const result = await step(fake, { records: sessions({ prefix: 'retry', perArm: 4 }) });
    expect(result.status, log(result)).toBe(0);
    expect(fault.hits).toBe(1);
    expect((await storeSnapshots(fake, 'exp'))[0]?.sessionIds).toHaveLength(8);
  });

  it('a 500 once on the REST listing and on the download is retried', async () => {
    const { fake } = github;
    const prior = sessions({ prefix: 'rest', perArm: 3, experiment: 'exp' });
    const seeded = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4300,
      zipBytes: await snapshotZip({ experiment: 'exp', records: prior }),
    });
    const listing = fake.faults.add({
      pathIncludes: '/actions/artifacts?name=ab-verdict-exp&',
      status: 500,
      once: true,
    });
    const download = fake.faults.add({
      pathIncludes: `/artifacts/${seeded.id}/zip`,
      status: 502,
      once: true,
    });
    const blob = fake.faults.add({
      pathIncludes: `/blobs/actions-results/artifact-${seeded.id}.zip`,
      status: 503,
      once: true,
    });
    const result = await step(fake, { records: sessions({ prefix: 'rest-now', perArm: 2 }) });
    expect(result.status, log(result)).toBe(0);
    expect([listing.hits, download.hits, blob.hits]).toEqual([1, 1, 1]);
    expect(result.outputs['sessions-control']).toBe('5');
  });

  it('a 409 on the upload (the name is taken in this run) moves to the next name', async () => {
    const { fake } = github;
    fake.faults.conflictOnCreate();
    const result = await step(fake, { records: sessions({ prefix: 'conflict', perArm: 3 }) });
    expect(result.status, log(result)).toBe(0);
    const [store] = await storeSnapshots(fake, 'exp');
    expect(store?.name).toBe('ab-verdict-exp-2');
    expect(result.outputs['store-artifact-id']).toBe(String(store?.id));
  });

  it('artifacts uploaded by runs of fork pull requests are not trusted', async () => {
    const { fake } = github;
    const planted = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4400,
      zipBytes: await snapshotZip({
        experiment: 'exp',
        records: sessions({ prefix: 'planted', perArm: 50, experiment: 'exp' }),
      }),
      fromFork: true,
    });
    const result = await step(fake, { records: sessions({ prefix: 'honest', perArm: 3 }) });
    expect(result.status, log(result)).toBe(0);
    expect(annotations(result, 'notice').join('\n')).toContain(`ab-verdict-exp id ${planted.id}`);
    expect(result.outputs['sessions-control']).toBe('3');
    expect(fake.state.requests.some((r) => r.path.includes(`/${planted.id}/zip`))).toBe(false);
  });
});

describe('comments that cannot be written', () => {
  it('a 403 on comments is a notice with comment: auto, and the summary is written', async () => {
    const { fake } = github;
    fake.faults.forbidCommentWrites();
    const result = await step(fake, { records: sessions({ prefix: 'c403', perArm: 3 }) });
    expect(result.status, log(result)).toBe(0);
    expect(annotations(result, 'notice').join('\n')).toMatch(
      /No comment was posted on #1 \(403.*pull-requests: write/,
    );
    expect(result.summary).toContain('### ');
    expect(result.outputs['comment-url']).toBe('');
  });

  it('a 403 on comments fails the step with comment: always, after storing and summarising', async () => {
    const { fake } = github;
    fake.faults.forbidCommentWrites();
    const result = await step(fake, {
      records: sessions({ prefix: 'c403a', perArm: 3 }),
      inputs: { comment: 'always' },
    });
    expect(result.status).toBe(1);
    expect(annotations(result, 'error').join('\n')).toMatch(/No comment was posted on #1 \(403/);
    expect(result.summary).toContain('### ');
    expect((await storeSnapshots(fake, 'exp'))[0]?.sessionIds).toHaveLength(6);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });

  it('a fork pull request: read-only token, no failure, a notice that says why, the summary', async () => {
    const { fake } = github;
    fake.state.seedPull({ number: 7, headRepo: 'someone/ab-demo' });
    const run = fake.state.newRun({ tokenPermissions: 'read' });
    const result = await step(fake, {
      run,
      records: sessions({ prefix: 'fork', perArm: 3 }),
      event: pullRequestEvent(fake.state, 7),
      inputs: { comment: 'always' },
    });
    expect(result.status, log(result)).toBe(0);
    const notice = annotations(result, 'notice').join('\n');
    expect(notice).toContain('pull request from a fork');
    expect(notice).toContain('ab-verdict-report-exp');
    expect(fake.state.comments(7)).toEqual([]);
    expect(result.summary).toContain('### ');
    expect(fake.state.artifacts().map((a) => a.name)).toContain('ab-verdict-report-exp');
  });
});
