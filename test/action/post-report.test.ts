import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readZip } from '../fake-github/read-zip.js';
import { pullRequestEvent, zipBomb, zipOf, type FakeGitHub } from '../support/fake-github/index.js';
import { annotations, log, step, useFakeGitHub } from './fixture.js';
import { sessions } from './sessions.js';

const github = useFakeGitHub();

/** The payload of `workflow_run` for a finished run of the pull request workflow. */
function workflowRunEvent(
  fake: FakeGitHub,
  runId: number,
  headSha: string,
  pullRequests: number[] = [],
) {
  return {
    action: 'completed',
    workflow_run: {
      id: runId,
      head_sha: headSha,
      html_url: `https://github.com/${fake.state.repository}/actions/runs/${runId}`,
      pull_requests: pullRequests.map((number) => ({ number })),
    },
    repository: { full_name: fake.state.repository, name: 'ab-demo', owner: { login: 'octo-org' } },
  };
}

/** A fork's pull request #7, analysed by its own read-only run: returns that run. */
async function analysedFork(fake: FakeGitHub) {
  const pull = fake.state.seedPull({ number: 7, headRepo: 'someone/ab-demo' });
  const run = fake.state.newRun({ tokenPermissions: 'read', headSha: pull.headSha });
  const result = await step(fake, {
    run,
    records: sessions({ prefix: 'fork', perArm: 6 }),
    event: pullRequestEvent(fake.state, 7),
  });
  expect(result.status, log(result)).toBe(0);
  return { pull, run, result };
}

describe('the fork-safe pair: pull_request analyses, workflow_run posts', () => {
  it('posts the report of the triggering run on the fork pull request, once', async () => {
    const { fake } = github;
    const { pull, run, result } = await analysedFork(fake);
    expect(fake.state.comments(7)).toEqual([]);

    const event = workflowRunEvent(fake, run.id, pull.headSha);
    const post = () =>
      step(fake, {
        eventName: 'workflow_run',
        event,
        inputs: { mode: 'post-report', results: '' },
      });
    const posted = await post();
    expect(posted.status, log(posted)).toBe(0);
    const [comment, ...more] = fake.state.comments(7);
    expect(more).toEqual([]);
    expect(comment?.body).toContain('<!-- ab-verdict:v1 experiment=exp -->');
    expect(comment?.body).toContain(`actions/runs/${run.id}`);
    expect(posted.outputs.verdict).toBe(result.outputs.verdict);
    expect(posted.outputs['comment-url']).toContain(`/pull/7#issuecomment-${comment?.id}`);
    expect(posted.summary).toContain('### ');

    const again = await post();
    expect(again.status, log(again)).toBe(0);
    expect(fake.state.comments(7)).toHaveLength(1);
  });

  it("refuses a report that names a pull request whose head is not the triggering run's commit", async () => {
    const { fake } = github;
    const { run } = await analysedFork(fake);
    const elsewhere = fake.state.pull(1);
    // The run claims PR #7 in its report, but ran on PR #1's head: the check must fail.
    const event = workflowRunEvent(fake, run.id, elsewhere.headSha);
    const posted = await step(fake, {
      eventName: 'workflow_run',
      event,
      inputs: { mode: 'post-report' },
    });
    expect(posted.status, log(posted)).toBe(0);
    expect(annotations(posted, 'warning').join('\n')).toContain(
      'is not the commit the triggering run ran on',
    );
    expect(fake.state.comments(7)).toEqual([]);
    expect(fake.state.comments(1)).toEqual([]);
  });

  it('renders the report itself: markup in it is escaped, a wrong type refused', async () => {
    const { fake } = github;
    const { pull, run } = await analysedFork(fake);
    const stored = fake.state.artifacts().find((a) => a.name === 'ab-verdict-report-exp');
    const { readZip } = await import('../fake-github/read-zip.js');
    const file = JSON.parse(
      (await readZip(stored?.zipBytes ?? Buffer.alloc(0)))['report-view.json']?.toString() ?? '{}',
    );
    file.view.report.recommendation.reason =
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) @org/team';
    file.view.runUrl = 'javascript:alert(1)';
    const rerun = fake.state.newRun({ runId: run.id });
    await fake.state.seedArtifact({
      name: 'ab-verdict-report-exp-2',
      runId: rerun.id,
      zipBytes: await zipOf({ 'report-view.json': JSON.stringify(file) }),
    });
    const event = workflowRunEvent(fake, run.id, pull.headSha);
    const posted = await step(fake, {
      eventName: 'workflow_run',
      event,
      inputs: { mode: 'post-report' },
    });
    expect(posted.status, log(posted)).toBe(0);
    const body = fake.state.comments(7)[0]?.body ?? '';
    expect(body).toContain('&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('](javascript');
    expect(body).not.toContain('@org');
    expect(body).toContain(`(https://github.com/${fake.state.repository}/actions/runs/${run.id})`);

    file.view.report.recommendation.sessionsNeeded = '<img src=x>';
    await fake.state.seedArtifact({
      name: 'ab-verdict-report-exp-3',
      runId: rerun.id,
      zipBytes: await zipOf({ 'report-view.json': JSON.stringify(file) }),
    });
    const refused = await step(fake, {
      eventName: 'workflow_run',
      event,
      inputs: { mode: 'post-report' },
    });
    expect(refused.status).toBe(1);
    expect(annotations(refused, 'error').join('\n')).toContain(
      'report-view.json is not an ab-verdict report: report.recommendation.sessionsNeeded',
    );
  });

  it('says which run has no report', async () => {
    const { fake } = github;
    const posted = await step(fake, {
      eventName: 'workflow_dispatch',
      inputs: { mode: 'post-report', 'report-run-id': '999' },
    });
    expect(posted.status).toBe(1);
    expect(annotations(posted, 'error').join('\n')).toContain(
      'report-run-id: run 999 has no artifact ab-verdict-report-exp',
    );
  });

  it('a forged report with 100,000 warnings is refused by name, not with a stack overflow', async () => {
    const { fake } = github;
    const { pull, run } = await analysedFork(fake);
    const file = await viewFileOf(fake);
    file.view.report.warnings = Array.from({ length: 100_000 }, (_, i) => `warning ${i}`);
    await seedReport(fake, run.id, 'ab-verdict-report-exp-2', JSON.stringify(file));
    const posted = await post(fake, workflowRunEvent(fake, run.id, pull.headSha));
    expect(posted.status).toBe(1);
    expect(annotations(posted, 'error').join('\n')).toContain(
      'report-view.json is not an ab-verdict report: report.warnings: Too big: expected array to have <=1000 items',
    );
    expect(log(posted)).not.toContain('Maximum call stack');
    expect(fake.state.comments(7)).toEqual([]);
  });

  it('a report larger than a report may be is refused before it is parsed', async () => {
    const { fake } = github;
    const { pull, run } = await analysedFork(fake);
    await fake.state.seedArtifact({
      name: 'ab-verdict-report-exp-2',
      runId: run.id,
      zipBytes: zipBomb({ name: 'report-view.json', entryBytes: 400 << 20, byte: 0x20 }),
    });
    const posted = await post(fake, workflowRunEvent(fake, run.id, pull.headSha));
    expect(posted.status).toBe(1);
    expect(annotations(posted, 'error').join('\n')).toContain(
      'cannot be read: entry "report-view.json" inflates to more than 8388608 bytes, the most this reads',
    );
  });

  it('a report artifact larger than 16 MiB is refused as it downloads', async () => {
    const { fake } = github;
    const { pull, run } = await analysedFork(fake);
    const noise = randomBytes(17 << 20).toString('base64');
    await seedReport(fake, run.id, 'ab-verdict-report-exp-2', noise);
    const posted = await post(fake, workflowRunEvent(fake, run.id, pull.headSha));
    expect(posted.status).toBe(1);
    expect(annotations(posted, 'error').join('\n')).toMatch(
      /cannot be read: it is \d+ bytes, more than the 16777216 this reads/,
    );
  });

  it('says truly why no comment was posted: another event, or another run than the trigger', async () => {
    const { fake } = github;
    const { run } = await analysedFork(fake);
    const dispatched = await step(fake, {
      eventName: 'workflow_dispatch',
      inputs: { mode: 'post-report', results: '', 'report-run-id': String(run.id) },
    });
    expect(dispatched.status, log(dispatched)).toBe(0);
    expect(annotations(dispatched, 'notice').join('\n')).toContain(
      `No comment was posted: this workflow_dispatch event is not the workflow_run of run ${run.id}, so which pull request it belongs to is not known`,
    );
    const other = await post(fake, workflowRunEvent(fake, run.id + 1, 'f'.repeat(40)), {
      'report-run-id': String(run.id),
    });
    expect(other.status, log(other)).toBe(0);
    expect(annotations(other, 'notice').join('\n')).toContain(
      `report-run-id ${run.id} is not the run that triggered this one (${run.id + 1})`,
    );
    const never = await post(fake, workflowRunEvent(fake, run.id, 'f'.repeat(40)), {
      comment: 'never',
    });
    expect(never.status, log(never)).toBe(0);
    expect(annotations(never, 'notice')).toEqual([]);
    expect(fake.state.comments(7)).toEqual([]);
  });
});

/** The report view the fork's run uploaded, parsed. */
async function viewFileOf(fake: FakeGitHub) {
  const stored = fake.state.artifacts().find((a) => a.name === 'ab-verdict-report-exp');
  const files = await readZip(stored?.zipBytes ?? Buffer.alloc(0));
  return JSON.parse(files['report-view.json']?.toString() ?? '{}');
}

async function seedReport(fake: FakeGitHub, runId: number, name: string, view: string) {
  await fake.state.seedArtifact({
    name,
    runId,
    zipBytes: await zipOf({ 'report-view.json': view }),
  });
}

function post(fake: FakeGitHub, event: object, inputs: Record<string, string> = {}) {
  return step(fake, {
    eventName: 'workflow_run',
    event,
    inputs: { mode: 'post-report', results: '', ...inputs },
  });
}
