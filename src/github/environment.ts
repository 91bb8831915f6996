import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createOctokit, type Octokit } from './octokit.js';
import { readRunContext, type RunContext } from './run-context.js';
import { WorkflowArtifacts } from './workflow-artifacts.js';

/** What the modes get from the world, read once. */
export interface Environment {
  context: RunContext;
  now: Date;
  /** GITHUB_WORKSPACE: result paths are relative to it. */
  workspace: string;
  /** RUNNER_TEMP: the report files and the store's upload folder go here. */
  tempDir: string;
  /** Null without a token. */
  octokit: Octokit | null;
  artifacts: WorkflowArtifacts | null;
}

/**
 * REST retries wait 1 s, then 2 s (3 tries). `AB_VERDICT_RETRY_DELAY_MS` sets the first wait:
 * the offline tests shorten it.
 */
const RETRY_DELAY_MS = 1000;

export function readEnvironment(token: string): Environment {
  const context = readRunContext();
  const delay = Number(process.env.AB_VERDICT_RETRY_DELAY_MS);
  const octokit =
    token === ''
      ? null
      : createOctokit(token, {
          attempts: 3,
          baseDelayMs: Number.isFinite(delay) && delay >= 0 ? delay : RETRY_DELAY_MS,
        });
  return {
    context,
    now: new Date(),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: process.env.RUNNER_TEMP || tmpdir(),
    octokit,
    artifacts: octokit
      ? new WorkflowArtifacts(octokit, { owner: context.owner, repo: context.repo })
      : null,
  };
}

/** The text of a file an input names, relative to the workspace. */
export function readWorkspaceText(path: string): string {
  return readFileSync(resolve(process.env.GITHUB_WORKSPACE || process.cwd(), path), 'utf8');
}
