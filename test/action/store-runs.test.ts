import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readZip } from '../fake-github/read-zip.js';
import { NODE24, node24Runs } from '../support/node24.js';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { sessions, snapshotZip } from './sessions.js';
import { repeated, storeSnapshots } from './store-contents.js';

const github = useFakeGitHub();
const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r.session_id));
const marker = '<!-- ab-verdict:v1 experiment=exp -->';

describe('the artifact store across runs', () => {
  it('the first run creates the store, the comment, the summary and every output', async () => {
    const { fake } = github;
    const records = sessions({ prefix: 'first', perArm: 20 });
    // The committed bundle in a process of its own, as the runner starts it: what users run.
    const result = await step(fake, { records, bundle: true });
    expect(result.status, log(result)).toBe(0);

    const [store, ...more] = await storeSnapshots(fake, 'exp');
    expect(more).toHaveLength(0);
    expect(store?.sessionIds.sort()).toEqual(ids(records).sort());
    expect(store?.manifest).toMatchObject({ experiment: 'exp', sessions: 40, covers: [] });
    expect(store?.manifest.history).toHaveLength(1);
    expect(store?.lines[0]?.provenance).toMatchObject({
      runId: store?.runId,
      attempt: 1,
      source: 'results/results.jsonl',
    });

    const comments = fake.state.comments(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.startsWith(marker)).toBe(true);
    expect(result.summary).toContain('| tool&#95;error&#95;rate | primary |');
    expect(result.summary).toContain('This run added 40 new sessions');

    const report = JSON.parse(readFileSync(result.outputs['report-json'] ?? '', 'utf8'));
    expect(result.outputs).toMatchObject({
      verdict: report.recommendation.verdict,
      'sessions-control': '20',
      'sessions-treatment': '20',
      'store-artifact-id': String(store?.id),
      'comment-url': expect.stringContaining(`#issuecomment-${comments[0]?.id}`),
    });
    const primary = report.metrics.find((m: { role: string }) => m.role === 'primary');
    expect(Number(result.outputs.lift)).toBe(primary.relative.estimate);
    // A first look of the sequential design at 40 of 400 sessions has no interval yet.
    expect(primary.relative.ci).toBeNull();
    expect(result.outputs['lift-ci-low']).toBe('');
    expect(report.analysis.sequential).toMatchObject({ look: 1, final: false });
    expect(readFileSync(result.outputs['report-markdown'] ?? '', 'utf8')).toContain('### ');
    const reportArtifacts = fake.state
      .artifacts()
      .filter((a) => a.name === 'ab-verdict-report-exp');
    expect(reportArtifacts).toHaveLength(1);
    const html = readFileSync(result.outputs['report-html'] ?? '', 'utf8');
    expect(html).toContain('<svg id="forest-plot"');
    expect(html).toContain('<table id="task-table"');
    const artifactFiles = await readZip(reportArtifacts[0]?.zipBytes ?? Buffer.alloc(0));
    expect(Object.keys(artifactFiles).sort()).toEqual(
      ['report-view.json', 'report.html', 'report.json', 'report.md'].sort(),
    );
    expect(artifactFiles['report.html']?.toString()).toBe(html);
  });

  it('breaks the stored sessions down by a record field named in segments', async () => {
    const { fake } = github;
    const withModel = (records: Record<string, unknown>[], model: string) =>
      records.map((record) => ({ ...record, model }));
    const one = await step(fake, { records: withModel(sessions({ prefix: 'a', perArm: 8 }), 'x') });
    expect(one.status, log(one)).toBe(0);
    const two = await step(fake, {
      records: withModel(sessions({ prefix: 'b', perArm: 6 }), 'y'),
      inputs: { segments: 'model' },
    });
    expect(two.status, log(two)).toBe(0);
    const report = JSON.parse(readFileSync(two.outputs['report-json'] ?? '', 'utf8'));
    expect(report.segments).toHaveLength(1);
    expect(report.segments[0]).toMatchObject({ field: 'model', correction: 'bh' });
    // The earlier run's sessions come from the store, with their field.
    expect(
      report.segments[0].groups.map((g: { value: string; sessions: unknown }) => [
        g.value,
        g.sessions,
      ]),
    ).toEqual([
      ['x', { control: 8, treatment: 8 }],
      ['y', { control: 6, treatment: 6 }],
    ]);
  });

  it('a second run merges into the store and updates the one comment in place', async () => {
    const { fake } = github;
    // 150 comments by others (two pages and more), one of them quoting our marker.
    fake.state.seedComments(1, [
      ...Array.from({ length: 149 }, (_, i) => `comment ${i}`),
      { body: `${marker}\nnot ours`, login: 'mallory' },
    ]);
    const first = sessions({ prefix: 'one', perArm: 12 });
    const second = sessions({ prefix: 'two', perArm: 12 });
    const one = await step(fake, { records: first });
    expect(one.status, log(one)).toBe(0);
    const two = await step(fake, { records: second });
    expect(two.status, log(two)).toBe(0);

    const [newest] = await storeSnapshots(fake, 'exp');
    expect(newest?.sessionIds.sort()).toEqual([...ids(first), ...ids(second)].sort());
    expect(newest?.manifest.covers).toEqual([Number(one.outputs['store-artifact-id'])]);
    expect(newest?.manifest.history.map((h) => h.sessions)).toEqual([
      { control: 12, treatment: 12 },
      { control: 24, treatment: 24 },
    ]);
    expect(two.outputs['sessions-control']).toBe('24');
    expect(two.summary).toContain('cold 24 (12 from earlier runs)');

    const comments = fake.state.comments(1);
    const ours = comments.filter((c) => c.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain('cold 24 (12 from earlier runs)');
    expect(comments.find((c) => c.login === 'mallory')?.body).toBe(`${marker}\nnot ours`);
    expect(two.outputs['comment-url']).toBe(one.outputs['comment-url']);
    // Paging: every page of comments was read before deciding.
    const pages = fake.state.requests.filter((r) => r.path.includes('/issues/1/comments?'));
    expect(pages.some((r) => r.path.includes('page=2'))).toBe(true);
  });

  it('a re-run attempt neither fails on the 409 nor counts a session twice', async () => {
    const { fake } = github;
    const records = sessions({ prefix: 'attempt', perArm: 10 });
    const run = fake.state.newRun();
    const first = await step(fake, { run, records });
    expect(first.status, log(first)).toBe(0);
    const rerun = fake.state.newRun({ runId: run.id });
    const second = await step(fake, { run: rerun, records });
    expect(second.status, log(second)).toBe(0);

    const snapshots = await storeSnapshots(fake, 'exp');
    expect(snapshots.map((s) => s.name)).toEqual(['ab-verdict-exp-2', 'ab-verdict-exp']);
    const newest = snapshots[0];
    expect(repeated(newest?.sessionIds ?? [])).toEqual([]);
    expect(newest?.sessionIds).toHaveLength(20);
    expect(second.outputs['sessions-control']).toBe('10');
    expect(second.summary).toContain(
      'This run added 0 new sessions; 20 of its results were already stored',
    );
    // Each attempt is a look of its own; the sessions of attempt 1 keep their provenance.
    expect(newest?.manifest.history.map((h) => [h.runId, h.attempt])).toEqual([
      [run.id, 1],
      [run.id, 2],
    ]);
    expect(new Set(newest?.lines.map((l) => l.provenance.attempt))).toEqual(new Set([1]));
    const creates = fake.state.requests.filter((r) => r.path.endsWith('/CreateArtifact'));
    expect(creates.map((r) => r.status)).toContain(409);
  });

  it('eight concurrent runs each adding sessions end with every session stored exactly once', async () => {
    const { fake } = github;
    const prior = sessions({ prefix: 'prior', perArm: 3, experiment: 'exp' });
    const seeded = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4000,
      zipBytes: await snapshotZip({ experiment: 'exp', records: prior }),
    });
    const batches = Array.from({ length: 8 }, (_, i) => sessions({ prefix: `c${i}`, perArm: 2 }));
    // Eight processes at once, as eight jobs would be: runs in this process cannot overlap.
    const results = await Promise.all(
      batches.map((records) => step(fake, { records, bundle: true })),
    );
    for (const result of results) expect(result.status, log(result)).toBe(0);
    // Each of the eight read the same seeded snapshot: it is in every one's covers.
    const concurrent = await storeSnapshots(fake, 'exp');
    expect(concurrent).toHaveLength(9);

    const before = fake.state.requests.length;
    const ninth = await step(fake, { records: sessions({ prefix: 'ninth', perArm: 1 }) });
    expect(ninth.status, log(ninth)).toBe(0);
    const [newest] = await storeSnapshots(fake, 'exp');
    const expected = [prior, ...batches, sessions({ prefix: 'ninth', perArm: 1 })].flatMap(ids);
    expect(newest?.sessionIds.sort()).toEqual(expected.sort());
    expect(repeated(newest?.sessionIds ?? [])).toEqual([]);
    expect(newest?.manifest.covers).toEqual(
      [seeded.id, ...concurrent.filter((s) => s.id !== seeded.id).map((s) => s.id)].sort(
        (a, b) => a - b,
      ),
    );
    expect(ninth.outputs['sessions-control']).toBe(String(3 + 8 * 2 + 1));
    // The ninth run downloaded only snapshots no newer one covers: never the seeded one again.
    const downloads = fake.state.requests
      .slice(before)
      .filter((r) => /\/actions\/artifacts\/\d+\/zip/.test(r.path));
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads.length).toBeLessThanOrEqual(8);
    expect(downloads.filter((r) => r.path.includes(`/${seeded.id}/zip`))).toEqual([]);
    // However they raced for it, the pull request has one comment.
    expect(fake.state.comments(1)).toHaveLength(1);
  });

  it('an expired artifact that a newer snapshot covers costs nothing; an uncovered one is a notice with an estimate', async () => {
    const { fake } = github;
    const old = sessions({ prefix: 'old', perArm: 8, experiment: 'exp' });
    const covered = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4001,
      zipBytes: await snapshotZip({ experiment: 'exp', records: old, runId: 4001 }),
      createdAt: new Date(Date.now() - 3 * 3600_000),
    });
    const lost = await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4002,
      zipBytes: await snapshotZip({
        experiment: 'exp',
        records: sessions({ prefix: 'lost', perArm: 8, experiment: 'exp' }),
        runId: 4002,
      }),
      createdAt: new Date(Date.now() - 2 * 3600_000),
    });
    await fake.state.seedArtifact({
      name: 'ab-verdict-exp',
      runId: 4003,
      zipBytes: await snapshotZip({
        experiment: 'exp',
        records: old,
        covers: [covered.id],
        runId: 4003,
      }),
      createdAt: new Date(Date.now() - 3600_000),
    });
    fake.faults.expireArtifact(covered.id);
    // Listed as live, answering 410 on download: expired between listing and download.
    fake.faults.add({ pathIncludes: `/actions/artifacts/${lost.id}/zip`, status: 410 });

    const result = await step(fake, { records: sessions({ prefix: 'now', perArm: 5 }) });
    expect(result.status, log(result)).toBe(0);
    const notices = annotations(result, 'notice');
    expect(notices.filter((n) => n.includes(`id ${covered.id}`))).toEqual([]);
    const notice = notices.find((n) => n.includes(`id ${lost.id}`));
    expect(notice).toMatch(
      /expired before it was read; about \d+ sessions in it may be missing \(an estimate/,
    );
    expect(annotations(result, 'warning')).toEqual([]);
    expect(result.outputs['sessions-control']).toBe(String(8 + 5));
  });

  it.skipIf(!node24Runs)('runs on Node 24, the runtime action.yml names', async () => {
    const { fake } = github;
    const result = await step(fake, {
      records: sessions({ prefix: 'n24', perArm: 6 }),
      node: NODE24,
    });
    expect(result.status, log(result)).toBe(0);
    expect((await storeSnapshots(fake, 'exp'))[0]?.sessionIds).toHaveLength(12);
    expect(result.outputs.verdict).toMatch(
      /^(adopt|reject|no-difference|inconclusive|insufficient-data)$/,
    );
  });
});
