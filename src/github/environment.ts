import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { STORE_BUDGETS } from '../store/artifact-store.js';
import { MAX_SNAPSHOT_ZIP_BYTES } from '../store/snapshot-limits.js';
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
  /** Milliseconds one store download, and the whole store read, may take. */
  storeBudgets: { downloadMs: number; readMs: number };
}

/**
 * REST retries wait 1 s, then 2 s (3 tries). `AB_VERDICT_RETRY_DELAY_MS` sets the first wait:
 * the offline tests shorten it.
 */
const RETRY_DELAY_MS = 1000;
/**
 * A download that sends nothing for this long is tried again. `AB_VERDICT_STALL_MS`,
 * `AB_VERDICT_DOWNLOAD_BUDGET_MS` and `AB_VERDICT_STORE_READ_BUDGET_MS` set the time budgets:
 * the offline tests shorten them.
 */
const STALL_MS = 30_000;

export function readEnvironment(token: string): Environment {
  const context = readRunContext();
  const octokit =
    token === ''
      ? null
      : createOctokit(token, {
          attempts: 3,
          baseDelayMs: milliseconds('AB_VERDICT_RETRY_DELAY_MS', RETRY_DELAY_MS),
        });
  const limits = {
    maxZipBytes: MAX_SNAPSHOT_ZIP_BYTES,
    stallMs: milliseconds('AB_VERDICT_STALL_MS', STALL_MS),
  };
  return {
    context,
    now: new Date(),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: process.env.RUNNER_TEMP || tmpdir(),
    octokit,
    artifacts: octokit
      ? new WorkflowArtifacts(
          octokit,
          { owner: context.owner, repo: context.repo },
          context.runId,
          limits,
        )
      : null,
    storeBudgets: {
      downloadMs: milliseconds('AB_VERDICT_DOWNLOAD_BUDGET_MS', STORE_BUDGETS.downloadMs),
      readMs: milliseconds('AB_VERDICT_STORE_READ_BUDGET_MS', STORE_BUDGETS.readMs),
    },
  };
}

function milliseconds(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return process.env[variable] && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The text of a file an input names, relative to the workspace. */
export function readWorkspaceText(path: string): string {
  return readFileSync(resolve(process.env.GITHUB_WORKSPACE || process.cwd(), path), 'utf8');
}
