import { twirpError } from './error-bodies.js';
import { credentials, jsonObject, jsonReply, type FakeRequest, type Reply } from './http.js';
import type { FakeState } from './state.js';
import type { ArtifactRecord, JobRecord, RunRecord } from './types.js';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

interface Call {
  state: FakeState;
  job: JobRecord;
  run: RunRecord;
  body: Record<string, unknown>;
}

type Method = (call: Call) => Reply;

const METHODS: Record<string, Method> = {
  CreateArtifact: createArtifact,
  FinalizeArtifact: finalizeArtifact,
  ListArtifacts: listArtifacts,
  GetSignedArtifactURL: getSignedArtifactUrl,
  DeleteArtifact: deleteArtifact,
};

/** The results service's ArtifactService, as @actions/artifact calls it within a run. */
export function handleTwirp(req: FakeRequest, state: FakeState): Reply | undefined {
  const method = req.url.pathname.startsWith(SERVICE)
    ? METHODS[req.url.pathname.slice(SERVICE.length)]
    : undefined;
  if (req.method !== 'POST' || !method) return undefined;
  const job = state.registry.jobByRuntimeToken(credentials(req.headers));
  if (!job) return twirpError(401, 'runtime token is not one the fake issued');
  const body = jsonObject(req.body);
  if (!body) return twirpError(400, 'body is not a JSON object', 'malformed');
  // The request names its run by backend id; the token must belong to that run.
  const run = state.registry.runByBackendId(text(body.workflow_run_backend_id));
  if (!run || run.id !== job.runId) {
    return twirpError(403, 'workflow_run_backend_id is not the run of the runtime token');
  }
  return method({ state, job, run, body });
}

function createArtifact({ state, run, body }: Call): Reply {
  const name = text(body.name);
  if (!name) return twirpError(400, 'name is required');
  const existing = state.artifactStore.list((a) => a.runId === run.id && a.name === name);
  // A name reserved by an upload that was never finalized stays taken, as on GitHub.
  if (existing.length > 0 || state.artifactStore.isReserved(run.id, name)) {
    return twirpError(409, `an artifact with this name already exists on the workflow run`);
  }
  const expiresAt = text(body.expires_at);
  const signedUploadUrl = state.artifactStore.startUpload({
    name,
    runId: run.id,
    jobBackendId: text(body.workflow_job_run_backend_id) ?? '',
    expiresAt: expiresAt ? new Date(expiresAt) : null,
  });
  return jsonReply(200, { ok: true, signed_upload_url: signedUploadUrl });
}

function finalizeArtifact({ state, run, body }: Call): Reply {
  const name = text(body.name) ?? '';
  const upload = state.artifactStore.findUpload(run.id, name);
  if (!upload) return twirpError(404, `no upload in progress for artifact "${name}"`);
  if (!upload.committed) return twirpError(412, 'the blob was never committed (no block list)');
  state.artifactStore.endUpload(upload);
  const artifact = state.artifactStore.add({
    name,
    runId: run.id,
    jobBackendId: upload.jobBackendId,
    size: Number(text(body.size) ?? 0),
    digest: text(body.hash) ?? null,
    zipBytes: upload.committed,
    createdAt: new Date(),
    expiresAt: upload.expiresAt,
  });
  return jsonReply(200, { ok: true, artifact_id: String(artifact.id) });
}

function listArtifacts({ state, run, body }: Call): Reply {
  const name = text(body.name_filter);
  const id = text(body.id_filter);
  const artifacts = state.artifactStore
    .list((a) => a.runId === run.id && !state.artifactStore.isExpired(a))
    .filter(
      (a) => (name === undefined || a.name === name) && (id === undefined || String(a.id) === id),
    )
    .sort((a, b) => a.id - b.id)
    .map((a) => monolithArtifact(run, a));
  return jsonReply(200, { artifacts });
}

function getSignedArtifactUrl({ state, run, body }: Call): Reply {
  const artifact = state.artifactStore.findInRun(run.id, text(body.name) ?? '');
  if (!artifact) return twirpError(404, 'artifact not found');
  return jsonReply(200, { signed_url: state.artifactStore.downloadUrl(artifact) });
}

function deleteArtifact({ state, run, body }: Call): Reply {
  const artifact = state.artifactStore.findInRun(run.id, text(body.name) ?? '');
  if (!artifact) return twirpError(404, 'artifact not found');
  state.artifactStore.delete(artifact.id);
  return jsonReply(200, { ok: true, artifact_id: String(artifact.id) });
}

function monolithArtifact(run: RunRecord, artifact: ArtifactRecord): Record<string, unknown> {
  return {
    workflow_run_backend_id: run.backendId,
    workflow_job_run_backend_id: artifact.jobBackendId,
    database_id: String(artifact.id),
    name: artifact.name,
    size: String(artifact.size),
    created_at: artifact.createdAt.toISOString(),
    ...(artifact.digest ? { digest: artifact.digest } : {}),
  };
}

/** Proto JSON sends int64 and wrapper values as strings or numbers. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
