import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub, type FakeRun } from '../support/fake-github/index.js';
import { inProcessLikeAChild, runActionInProcess } from '../support/run-action-in-process.js';
import { artifactClientStep } from './artifact-client-step.js';
import { readZip } from './read-zip.js';

// The real @actions/artifact 6.2.1 client, run as a step against the fake, in this process.
if (!inProcessLikeAChild) console.warn('@actions/artifact tests skipped: a proxy is set');
const FILES = { 'sessions.jsonl': '{"arm":"A","score":1}\n', 'nested/meta.json': '{"v":1}' };

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  try {
    expect(fake.state.unhandled).toEqual([]);
  } finally {
    await fake.close();
  }
});

async function client(run: FakeRun, inputs: Record<string, string>, cwd?: string) {
  const step = { fake, run, inputs, ...(cwd ? { cwd } : {}) };
  const result = await runActionInProcess(step, artifactClientStep);
  const output = result.outputs.result;
  return { ...result, result: output === undefined ? undefined : JSON.parse(output) };
}

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-github-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function upload(run: FakeRun, name = 'ab-store') {
  const files = Object.keys(FILES).join('\n');
  return client(run, { operation: 'upload', name, files }, workspaceWith(FILES));
}

function statuses(pathEnd: string): (number | undefined)[] {
  return fake.state.requests
    .filter((r) => r.path.split('?')[0]?.endsWith(pathEnd))
    .map((r) => r.status);
}

describe.skipIf(!inProcessLikeAChild)('the real @actions/artifact client against the fake', () => {
  it('uploads, lists within the run, and finds and downloads from another run', async () => {
    const first = fake.state.newRun();
    const uploaded = await upload(first);
    expect(uploaded.status, uploaded.stdout).toBe(0);

    const [stored] = fake.state.artifacts();
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(stored).toMatchObject({ id: uploaded.result.id, name: 'ab-store', runId: first.id });
    expect(stored.size).toBe(stored.zipBytes.length);
    const sha = createHash('sha256').update(stored.zipBytes).digest('hex');
    expect(stored.digest).toBe(`sha256:${sha}`);
    expect(uploaded.result.digest).toBe(sha);
    const zipped = await readZip(stored.zipBytes);
    expect(Object.fromEntries(Object.entries(zipped).map(([k, v]) => [k, v.toString()]))).toEqual(
      FILES,
    );

    const listed = await client(first, { operation: 'list' });
    expect(listed.result.artifacts).toMatchObject([
      { id: stored.id, name: 'ab-store', size: stored.size },
    ]);

    const here = mkdtempSync(join(tmpdir(), 'fake-github-download-'));
    const inRun = await client(first, {
      operation: 'download',
      'artifact-id': String(stored.id),
      path: here,
    });
    expect(inRun.status, inRun.stdout).toBe(0);
    expect(readFileSync(join(here, 'nested/meta.json'), 'utf8')).toBe(FILES['nested/meta.json']);
    expect(statuses('/GetSignedArtifactURL')).toEqual([200]);

    const second = fake.state.newRun();
    const findBy = { 'find-run-id': String(first.id), token: second.token };
    const found = await client(second, { operation: 'get', name: 'ab-store', ...findBy });
    expect(found.result.artifact).toMatchObject({ id: stored.id, digest: `sha256:${sha}` });

    const target = mkdtempSync(join(tmpdir(), 'fake-github-download-'));
    const artifactId = String(stored.id);
    const downloaded = await client(second, {
      operation: 'download',
      'artifact-id': artifactId,
      path: target,
      ...findBy,
    });
    expect(downloaded.status, downloaded.stdout).toBe(0);
    for (const [name, content] of Object.entries(FILES)) {
      expect(readFileSync(join(target, name), 'utf8')).toBe(content);
    }
    expect(statuses(`/actions/artifacts/${stored.id}/zip`)).toEqual([302]);
  });

  it('assembles a blob staged in several 8 MiB blocks, in block-list order', async () => {
    // Random bytes do not compress, so the zip needs two blocks (possibly sent in parallel).
    const big = randomBytes(9 * 1024 * 1024);
    const workspace = workspaceWith({});
    writeFileSync(join(workspace, 'big.bin'), big);
    const uploaded = await client(
      fake.state.newRun(),
      { operation: 'upload', name: 'big', files: 'big.bin' },
      workspace,
    );
    expect(uploaded.status, uploaded.stdout).toBe(0);
    expect(statuses('/upload-1.zip')).toEqual([201, 201, 201]);
    const [stored] = fake.state.artifacts();
    expect((await readZip(stored?.zipBytes ?? Buffer.alloc(0)))['big.bin']?.equals(big)).toBe(true);
  });

  it('refuses the same name in a re-run attempt (409); delete then upload gives a new id', async () => {
    const first = fake.state.newRun();
    const original = await upload(first);
    expect(original.status, original.stdout).toBe(0);

    const rerun = fake.state.newRun({ runId: first.id });
    expect(rerun).toMatchObject({ id: first.id, attempt: 2 });
    const again = await upload(rerun);
    expect(again.status).toBe(1);
    expect(again.annotations.map((a) => a.message).join('\n')).toContain('(409) Conflict');
    expect(statuses('/CreateArtifact')).toEqual([200, 409]);

    const deleted = await client(rerun, { operation: 'delete', name: 'ab-store' });
    expect(deleted.result).toEqual({ id: original.result.id });
    const replaced = await upload(rerun);
    expect(replaced.status, replaced.stdout).toBe(0);
    expect(replaced.result.id).toBeGreaterThan(original.result.id);
    expect(fake.state.artifacts().map((a) => a.id)).toEqual([replaced.result.id]);
  });

  it('retries a 500 (once, after about 3 s) and the upload still succeeds', async () => {
    const fault = fake.faults.serverErrorOnce('ArtifactService/CreateArtifact');
    const uploaded = await upload(fake.state.newRun());
    expect(uploaded.status, uploaded.stdout).toBe(0);
    expect(fault.hits).toBe(1);
    expect(statuses('/CreateArtifact')).toEqual([500, 200]);
    expect(fake.state.artifacts()).toHaveLength(1);
  });

  it('fails to download an expired artifact of another run (410)', async () => {
    const old = await fake.state.seedArtifact({ name: 'ab-store', runId: 4242, files: FILES });
    fake.faults.expireArtifact(old.id);
    const run = fake.state.newRun();
    const downloaded = await client(run, {
      operation: 'download',
      'artifact-id': String(old.id),
      'find-run-id': '4242',
      token: run.token,
    });
    expect(downloaded.status).toBe(1);
    expect(downloaded.annotations[0]?.message).toContain('Artifact has expired');
    expect(statuses(`/actions/artifacts/${old.id}/zip`)).toEqual([410]);
  });
});
