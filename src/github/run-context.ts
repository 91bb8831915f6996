import * as github from '@actions/github';

/** The workflow run this step belongs to, and the event that started it. */
export interface RunContext {
  owner: string;
  repo: string;
  runId: number | null;
  attempt: number | null;
  /** GITHUB_SHA: on pull_request, the merge commit. */
  sha: string | null;
  eventName: string;
  /** `https://github.com/o/r/actions/runs/1`, when known. */
  runUrl: string | null;
  pullRequest: { number: number; fork: boolean } | null;
  /** The triggering run of a `workflow_run` event. */
  workflowRun: {
    id: number;
    headSha: string;
    pullRequests: number[];
    htmlUrl: string | null;
  } | null;
}

export function readRunContext(): RunContext {
  const { context } = github;
  const { owner, repo } = context.repo;
  const payload = context.payload as Record<string, unknown>;
  const pull = payload.pull_request as
    { number?: number; head?: { repo?: { full_name?: string } | null } } | undefined;
  const headRepo = pull?.head?.repo?.full_name;
  const runId = positive(context.runId);
  return {
    owner,
    repo,
    runId,
    attempt: positive(context.runAttempt),
    sha: context.sha || null,
    eventName: context.eventName,
    runUrl: runId === null ? null : `${context.serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    pullRequest:
      typeof pull?.number === 'number'
        ? {
            number: pull.number,
            // A deleted fork has no head repository: treat it as a fork, whose token is read-only.
            fork: headRepo?.toLowerCase() !== `${owner}/${repo}`.toLowerCase(),
          }
        : null,
    workflowRun: workflowRunOf(payload.workflow_run),
  };
}

function workflowRunOf(value: unknown): RunContext['workflowRun'] {
  const run = value as
    | { id?: number; head_sha?: string; html_url?: string; pull_requests?: { number?: number }[] }
    | undefined;
  if (typeof run?.id !== 'number') return null;
  return {
    id: run.id,
    headSha: run.head_sha ?? '',
    htmlUrl: run.html_url ?? null,
    pullRequests: (run.pull_requests ?? []).flatMap((pr) =>
      typeof pr.number === 'number' ? [pr.number] : [],
    ),
  };
}

function positive(value: number): number | null {
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
