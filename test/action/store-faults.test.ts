import { describe, expect, it } from 'vitest';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { sessions, snapshotZip, workspace } from './sessions.js';
import { repeated, storeSnapshots } from './store-contents.js';

/** The store's fault cases besides lost sessions (issue 9, "Also wrong"), against the fake. */

const github = useFakeGitHub();
const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r.session_id));
const total = (result: { outputs: Record<string, string> }) =>
  Number(result.outputs['sessions-control']) + Number(result.outputs['sessions-treatment']);
const marker = '<!-- ab-verdict:v1 experiment=exp -->';

describe('writing the store', () => {
  it('a lost FinalizeArtifact reply is checked against the service: stored, and said to be', async () => {
    const { fake } = github;
    const lost = fake.faults.loseReplyOnce('FinalizeArtifact');
    const records = sessions({ prefix: 'finalized', perArm: 10 });
    const result = await step(fake, { records });
    expect(result.status, log(result)).toBe(0);
    expect(lost.hits).toBe(1);
    expect(annotations(result, 'error')).toEqual([]);
    const snapshots = await storeSnapshots(fake, 'exp');
    // The finalized artifact counts: no second upload under another name.
    expect(snapshots.map((s) => s.name)).toEqual(['ab-verdict-exp']);
    expect(result.outputs['store-artifact-id']).toBe(String(snapshots[0]?.id));
    expect(result.stdout).toContain('reported a failure');
    expect(result.summary).toContain('This run added 20 new sessions');
  });

  it('a store that cannot be written is stated in the comment, the summary and the step outcome', async () => {
    const { fake } = github;
    // Not retried by @actions/artifact, and answered to every try.
    const refused = fake.faults.add({
      pathIncludes: 'ArtifactService/CreateArtifact',
      status: 400,
      body: { code: 'invalid_argument', msg: 'the storage quota is used up' },
    });
    const result = await step(fake, { records: sessions({ prefix: 'unstored', perArm: 10 }) });
    expect(result.status).toBe(1);
    // Three tries for the store's snapshot, three for the report artifact.
    expect(refused.hits).toBe(6);
    const error = annotations(result, 'error').join('\n');
    expect(error).toMatch(
      /The store could not be written .*storage quota.*This run's 20 new sessions are not stored; re-run the job to store them/,
    );
    const comment = fake.state.comments(1)[0]?.body ?? '';
    for (const text of [comment, result.summary]) {
      expect(text).toContain('[!CAUTION]');
      expect(text).toContain('20 new sessions could not be stored');
      expect(text).toContain('20 new sessions are not stored; re&#45;run the job to store them');
      expect(text).not.toContain('This run added');
    }
    expect(fake.state.artifacts().filter((a) => a.name.startsWith('ab-verdict-exp'))).toEqual([]);
  });
});

describe('listing the store', () => {
  it.each(['oldest-first', 'shuffled'] as const)(
    'finds the newest of 120 snapshots under one name listed %s (more than a page)',
    async (order) => {
      const { fake } = github;
      fake.state.listingOrder = order;
      const all = sessions({ prefix: 'grown', perArm: 60, experiment: 'exp' });
      const seeded: number[] = [];
      for (let k = 1; k <= 120; k++) {
        const artifact = await fake.state.seedArtifact({
          name: 'ab-verdict-exp',
          runId: 5000 + k,
          zipBytes: await snapshotZip({
            experiment: 'exp',
            records: all.slice(0, k),
            covers: [...seeded],
          }),
          createdAt: new Date(Date.now() - (200 - k) * 60_000),
        });
        seeded.push(artifact.id);
      }
      const before = fake.state.requests.length;
      const fresh = sessions({ prefix: 'now', perArm: 2 });
      const result = await step(fake, { records: fresh });
      expect(result.status, log(result)).toBe(0);
      expect(total(result)).toBe(124);
      const downloads = fake.state.requests
        .slice(before)
        .filter((r) => /\/actions\/artifacts\/\d+\/zip/.test(r.path));
      expect(downloads.map((r) => r.path)).toEqual([
        expect.stringContaining(`/artifacts/${seeded.at(-1)}/zip`),
      ]);
      const [newest] = await storeSnapshots(fake, 'exp');
      expect(newest?.sessionIds.sort()).toEqual([...ids(all), ...ids(fresh)].sort());
    },
  );

  it('a 403 on listing fails the step saying this run’s sessions were not stored, and how to fix it', async () => {
    const { fake } = github;
    fake.faults.add({
      pathIncludes: '/actions/artifacts?name=',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const result = await step(fake, { records: sessions({ prefix: 'denied', perArm: 5 }) });
    expect(result.status).toBe(1);
    const error = annotations(result, 'error').join('\n');
    expect(error).toContain('could not be read');
    expect(error).toContain("This run's 10 sessions were not stored, and nothing was analysed");
    expect(error).toContain('permissions: actions: read');
    expect(result.summary).toContain('were not stored');
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('time budgets', () => {
  it('every download stalls: the run gives up within its budget, keeps its own sessions, and the next reads all', async () => {
    const { fake } = github;
    const prior = sessions({ prefix: 'stuck', perArm: 6, experiment: 'exp' });
    const stuck = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4700,
      zipBytes: await snapshotZip({ experiment: 'exp', records: prior }),
      createdAt: new Date(Date.now() - 3600_000),
    });
    const stall = fake.faults.stallDownloads(100);
    const budgets = {
      AB_VERDICT_STALL_MS: '300',
      AB_VERDICT_DOWNLOAD_BUDGET_MS: '2000',
      AB_VERDICT_STORE_READ_BUDGET_MS: '4000',
    };
    const fresh = sessions({ prefix: 'patient', perArm: 3 });
    const result = await step(fake, { records: fresh, env: budgets });
    expect(result.status, log(result)).toBe(0);
    expect(stall.hits).toBe(2);
    expect(annotations(result, 'warning').join('\n')).toMatch(
      new RegExp(
        `id ${stuck.id}\\) was skipped: the download failed 2 times \\(no data for 0.3 s\\)`,
      ),
    );
    const [written] = await storeSnapshots(fake, 'exp');
    expect(written?.sessionIds.sort()).toEqual(ids(fresh).sort());
    expect(written?.manifest.covers).toEqual([]);

    fake.faults.clear();
    const next = await step(fake, { records: sessions({ prefix: 'later', perArm: 1 }) });
    expect(next.status, log(next)).toBe(0);
    expect(total(next)).toBe(12 + 6 + 2);
    expect(repeated((await storeSnapshots(fake, 'exp'))[0]?.sessionIds ?? [])).toEqual([]);
  });

  it('the whole store read has a budget: what it could not read is named, and read next time', async () => {
    const { fake } = github;
    for (let k = 0; k < 3; k++) {
      await fake.state.seedArtifact({
        name: 'ab-verdict-exp',
        runId: 4800 + k,
        zipBytes: await snapshotZip({
          experiment: 'exp',
          records: sessions({ prefix: `slow${k}`, perArm: 2, experiment: 'exp' }),
        }),
        createdAt: new Date(Date.now() - (k + 1) * 3600_000),
      });
    }
    fake.faults.stallDownloads(0);
    const result = await step(fake, {
      records: sessions({ prefix: 'hurry', perArm: 1 }),
      env: {
        AB_VERDICT_STALL_MS: '10000',
        AB_VERDICT_DOWNLOAD_BUDGET_MS: '10000',
        AB_VERDICT_STORE_READ_BUDGET_MS: '1500',
      },
    });
    expect(result.status, log(result)).toBe(0);
    const warnings = annotations(result, 'warning').join('\n');
    expect(warnings).toContain('reading the store took longer than its time budget of 1.5 s');
    expect(warnings).toMatch(
      /was not read: reading the store ran out of time; about \d+ sessions|an unknown number of sessions/,
    );
    expect(total(result)).toBe(2);

    fake.faults.clear();
    const next = await step(fake, { records: sessions({ prefix: 'calm', perArm: 1 }) });
    expect(next.status, log(next)).toBe(0);
    expect(total(next)).toBe(3 * 4 + 2 + 2);
  });
});

describe('the sticky comment', () => {
  it('is found only by the marker as its first line: a bot comment quoting it is left alone', async () => {
    const { fake } = github;
    const quoted = `Another workflow's note:\n> ${marker}\n> the old verdict`;
    const [other] = fake.state.seedComments(1, [{ body: quoted, login: 'github-actions[bot]' }]);
    const result = await step(fake, { records: sessions({ prefix: 'sticky', perArm: 4 }) });
    expect(result.status, log(result)).toBe(0);
    const comments = fake.state.comments(1);
    expect(comments.find((c) => c.id === other?.id)?.body).toBe(quoted);
    expect(comments.filter((c) => c.body.startsWith(`${marker}\n`))).toHaveLength(1);
  });
});

describe('result files', () => {
  it('one valid line, then megabytes without a newline: the step fails naming file and line', async () => {
    const { fake } = github;
    const [valid] = sessions({ prefix: 'line', perArm: 1 });
    const cwd = workspace({
      'results/results.jsonl': `${JSON.stringify(valid)}\n${'z'.repeat(6 << 20)}`,
    });
    const result = await step(fake, { cwd });
    expect(result.status).toBe(1);
    expect(annotations(result, 'error').join('\n')).toContain(
      'results/results.jsonl:2: line longer than 4 MiB, the most one record may take; not read',
    );
    expect(log(result)).not.toContain('internal error');
  });
});

describe('messages', () => {
  it('a breakdown by a field no session has names the segments input, not a CLI flag', async () => {
    const { fake } = github;
    const result = await step(fake, {
      records: sessions({ prefix: 'seg', perArm: 4 }),
      inputs: { segments: 'model' },
    });
    expect(result.status).toBe(1);
    const error = annotations(result, 'error').join('\n');
    expect(error).toContain('- segments: no session has a field "model"');
    expect(error).not.toContain('--segments');
  });
});
