import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';

let fake: FakeGitHub;
let token: string;
beforeEach(async () => {
  fake = await startFakeGitHub();
  token = fake.state.newRun().token;
});
afterEach(async () => {
  try {
    expect(fake.state.unhandled).toEqual([]);
  } finally {
    await fake.close();
  }
});

/** A REST call on the fake's repository, as Octokit would make it. */
async function api(path: string, init: { method?: string; body?: unknown; as?: string } = {}) {
  const url = path.startsWith('http') ? path : `${fake.url}/repos/octo-org/ab-demo${path}`;
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: `token ${init.as ?? token}`, 'content-type': 'application/json' },
    redirect: 'manual',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : undefined,
  };
}

/** `rel` → URL from a Link header. */
function links(header: string | null): Record<string, string> {
  return Object.fromEntries(
    [...(header ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2], m[1]]),
  );
}

describe('issue comments', () => {
  it('pages through 250 comments with Link headers', async () => {
    const seeded = fake.state.seedComments(
      1,
      Array.from({ length: 250 }, (_, i) => `comment ${i}`),
    );
    const first = await api('/issues/1/comments?per_page=100');
    expect(first.json).toHaveLength(100);
    const firstLinks = links(first.headers.get('link'));
    expect(Object.keys(firstLinks)).toEqual(['next', 'last']);
    expect(new URL(firstLinks.last ?? '').searchParams.get('page')).toBe('3');

    const ids: number[] = first.json.map((c: { id: number }) => c.id);
    let next = firstLinks.next;
    let lastLinks: Record<string, string> = {};
    while (next) {
      const page = await api(next);
      ids.push(...page.json.map((c: { id: number }) => c.id));
      lastLinks = links(page.headers.get('link'));
      next = lastLinks.next;
    }
    expect(ids).toEqual(seeded.map((c) => c.id));
    expect(Object.keys(lastLinks)).toEqual(['prev', 'first']);
    expect((await api('/issues/1/comments')).json).toHaveLength(30);
  });

  it("posts and edits as the token's login; 422 past 65,536 characters", async () => {
    const posted = await api('/issues/1/comments', { method: 'POST', body: { body: 'hello' } });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({
      body: 'hello',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.com/octo-org/ab-demo/pull/1#issuecomment-${posted.json.id}`,
    });
    const patched = await api(`/issues/comments/${posted.json.id}`, {
      method: 'PATCH',
      body: { body: 'edited' },
    });
    expect(patched.json.body).toBe('edited');
    expect((await api(`/issues/comments/${posted.json.id}`)).json.body).toBe('edited');
    expect(fake.state.comments(1).map((c) => c.body)).toEqual(['edited']);

    const longest = await api('/issues/1/comments', {
      method: 'POST',
      body: { body: 'x'.repeat(65_536) },
    });
    expect(longest.status).toBe(201);
    const tooLong = await api('/issues/1/comments', {
      method: 'POST',
      body: { body: 'x'.repeat(65_537) },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.errors[0]).toEqual({
      resource: 'IssueComment',
      code: 'custom',
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)',
    });
  });

  it('refuses writes with a read-only token (403) but serves reads', async () => {
    const readOnly = fake.state.newRun({ tokenPermissions: 'read' }).token;
    const refused = await api('/issues/1/comments', {
      method: 'POST',
      body: { body: 'x' },
      as: readOnly,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe('Resource not accessible by integration');
    expect((await api('/issues/1/comments', { as: readOnly })).status).toBe(200);

    fake.faults.forbidCommentWrites();
    expect((await api('/issues/1/comments', { method: 'POST', body: { body: 'x' } })).status).toBe(
      403,
    );
    expect(fake.state.comments(1)).toEqual([]);
  });

  it('answers 401 to a token nobody registered', async () => {
    const response = await api('/issues/1/comments', { as: 'ghs_unknown' });
    expect(response).toMatchObject({ status: 401, json: { message: 'Bad credentials' } });
  });
});

describe('artifacts over REST', () => {
  it('lists by exact name across runs, newest first, paginated', async () => {
    // Recent days: past the 90-day retention they would be expired.
    const at = (day: number) =>
      new Date(Math.floor(Date.now() / 1000 - (10 - day) * 86_400) * 1000);
    const older = await fake.state.seedArtifact({
      name: 'ab-store',
      runId: 11,
      files: { a: '1' },
      createdAt: at(1),
    });
    const newer = await fake.state.seedArtifact({
      name: 'ab-store',
      runId: 12,
      files: { a: '2' },
      createdAt: at(2),
    });
    await fake.state.seedArtifact({
      name: 'ab-store-x',
      runId: 12,
      files: { a: '3' },
      createdAt: at(3),
    });

    const page1 = await api('/actions/artifacts?name=ab-store&per_page=1');
    expect(page1.json.total_count).toBe(2);
    expect(page1.json.artifacts[0]).toMatchObject({
      id: newer.id,
      name: 'ab-store',
      size_in_bytes: newer.zipBytes.length,
      expired: false,
      created_at: at(2).toISOString().replace('.000Z', 'Z'),
      digest: newer.digest,
      workflow_run: { id: 12, head_sha: fake.state.pull(1).headSha },
    });
    const page2 = await api(links(page1.headers.get('link')).next ?? '');
    expect(page2.json.artifacts.map((a: { id: number }) => a.id)).toEqual([older.id]);

    const ofRun = await api('/actions/runs/12/artifacts');
    expect(ofRun.json.artifacts.map((a: { name: string }) => a.name)).toEqual([
      'ab-store-x',
      'ab-store',
    ]);
    expect((await api(`/actions/artifacts/${older.id}`)).json.workflow_run.id).toBe(11);
  });

  it('redirects the zip to an unauthenticated link, 410 once expired, and deletes', async () => {
    const artifact = await fake.state.seedArtifact({
      name: 'ab-store',
      runId: 11,
      files: { a: '1' },
    });
    const redirect = await api(`/actions/artifacts/${artifact.id}/zip`);
    expect(redirect.status).toBe(302);
    const blob = await fetch(redirect.headers.get('location') ?? '');
    expect(blob.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(artifact.zipBytes);

    fake.state.expire(artifact.id);
    const gone = await api(`/actions/artifacts/${artifact.id}/zip`);
    expect(gone).toMatchObject({ status: 410, json: { message: 'Artifact has expired' } });
    expect((await api(`/actions/artifacts/${artifact.id}`)).json.expired).toBe(true);

    expect((await api(`/actions/artifacts/${artifact.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(fake.state.artifacts()).toEqual([]);
  });
});

describe('pull requests', () => {
  it("gives a fork PR's head repository, and a commit's PRs", async () => {
    const fork = fake.state.seedPull({
      number: 2,
      headRepo: 'someone/ab-demo',
      headRef: 'patch-1',
    });
    const pull = await api('/pulls/2');
    expect(pull.json).toMatchObject({
      number: 2,
      html_url: 'https://github.com/octo-org/ab-demo/pull/2',
      head: { sha: fork.headSha, repo: { full_name: 'someone/ab-demo', fork: true } },
      base: { repo: { full_name: 'octo-org/ab-demo' } },
    });
    const ofCommit = await api(`/commits/${fork.headSha}/pulls`);
    expect(ofCommit.json.map((p: { number: number }) => p.number)).toEqual([2]);
  });
});

describe('what the fake does not serve', () => {
  it('answers 404 and records it in state.unhandled', async () => {
    expect((await api('/branches')).status).toBe(404);
    expect((await api(`${fake.url}/repos/other/repo/issues/1/comments`)).status).toBe(404);
    expect(fake.state.unhandled.map((r) => r.path)).toEqual([
      '/repos/octo-org/ab-demo/branches',
      '/repos/other/repo/issues/1/comments',
    ]);
    fake.state.unhandled.length = 0;
  });

  it('lets a fault answer first, as often as asked', async () => {
    const fault = fake.faults.add({
      method: 'GET',
      pathIncludes: '/issues/1/comments',
      status: 502,
      times: 2,
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('/issues/1/comments')).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(fault.hits).toBe(2);
  });

  it('rejects Twirp calls without a runtime token the fake issued, in JSON', async () => {
    const response = await fetch(
      `${fake.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`,
      { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{}' },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
  });
});
