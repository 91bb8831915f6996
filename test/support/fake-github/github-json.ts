import type { FakeState } from './state.js';
import type { ArtifactRecord, CommentRecord, PullRecord } from './types.js';

/** The JSON GitHub's REST API gives for artifacts, comments and pull requests (enough of it). */

const REPOSITORY_ID = 1_296_269;
const SERVER = 'https://github.com';

/** GitHub's timestamps have whole seconds: artifacts made in the same second tie. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}${id}`).toString('base64');
}

export function restArtifact(state: FakeState, artifact: ArtifactRecord): object {
  const url = `${state.origin}/repos/${state.repository}/actions/artifacts/${artifact.id}`;
  const run = state.registry.runs.get(artifact.runId);
  return {
    id: artifact.id,
    node_id: nodeId('08:Artifact', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: state.artifactStore.isExpired(artifact),
    created_at: isoSeconds(artifact.createdAt),
    updated_at: isoSeconds(artifact.createdAt),
    expires_at: isoSeconds(artifact.expiresAt),
    digest: artifact.digest,
    workflow_run: {
      id: artifact.runId,
      repository_id: REPOSITORY_ID,
      head_repository_id: artifact.fromFork ? REPOSITORY_ID + 1 : REPOSITORY_ID,
      head_branch: run?.headBranch ?? null,
      head_sha: run?.headSha ?? null,
    },
  };
}

export function restComment(state: FakeState, comment: CommentRecord): object {
  const url = `${state.origin}/repos/${state.repository}/issues/comments/${comment.id}`;
  const page = state.findPull(comment.issue) ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('012:IssueComment', comment.id),
    url,
    html_url: `${SERVER}/${state.repository}/${page}/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${state.origin}/repos/${state.repository}/issues/${comment.issue}`,
    body: comment.body,
    user: { login: comment.login, type: comment.type },
    created_at: isoSeconds(comment.createdAt),
    updated_at: isoSeconds(comment.updatedAt),
  };
}

export function restPull(state: FakeState, pull: PullRecord): object {
  const side = (repo: string, ref: string, sha: string) => {
    const [owner = repo, name = repo] = repo.split('/');
    return {
      label: `${owner}:${ref}`,
      ref,
      sha,
      repo: { full_name: repo, name, owner: { login: owner }, fork: repo !== state.repository },
    };
  };
  return {
    id: 100_000 + pull.number,
    node_id: nodeId('011:PullRequest', pull.number),
    number: pull.number,
    state: 'open',
    title: pull.title,
    url: `${state.origin}/repos/${state.repository}/pulls/${pull.number}`,
    html_url: `${SERVER}/${state.repository}/pull/${pull.number}`,
    merge_commit_sha: pull.mergeSha,
    head: side(pull.headRepo, pull.headRef, pull.headSha),
    base: side(state.repository, pull.baseRef, pull.baseSha),
  };
}
