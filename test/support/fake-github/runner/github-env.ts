import type { FakeRun } from '../registry.js';
import { lookup } from './lookup.js';

/**
 * GITHUB_REF, GITHUB_SHA and friends for an event. On `pull_request` the runner checks out the
 * merge commit, so GITHUB_SHA is not the PR's head: code that mixes them up fails here too.
 */
export function refEnv(eventName: string, event: object, run: FakeRun): Record<string, string> {
  const number = lookup(event, 'pull_request.number');
  if (eventName === 'pull_request' && typeof number === 'number') {
    return {
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_REF_NAME: `${number}/merge`,
      GITHUB_HEAD_REF: String(lookup(event, 'pull_request.head.ref') ?? ''),
      GITHUB_BASE_REF: String(lookup(event, 'pull_request.base.ref') ?? ''),
      GITHUB_SHA: String(lookup(event, 'pull_request.merge_commit_sha') ?? run.headSha),
    };
  }
  return {
    GITHUB_REF: `refs/heads/${run.headBranch}`,
    GITHUB_REF_NAME: run.headBranch,
    GITHUB_HEAD_REF: '',
    GITHUB_BASE_REF: '',
    GITHUB_SHA: run.headSha,
  };
}
