import { newBackendId, newRestToken, newRuntimeToken } from './tokens.js';
import type { JobRecord, RunRecord, TokenPermissions, TokenRecord } from './types.js';

export interface NewRunOptions {
  /** The id of a run seen before makes this a re-run: same id, next attempt. */
  runId?: number;
  attempt?: number;
  /** Job names; each gets its own runtime token. Default: one job, `ab-verdict`. */
  jobs?: string[];
  /** The REST token (`github.token`) of this attempt. Default: a fresh one. */
  token?: string;
  tokenPermissions?: TokenPermissions;
  /** Who the token comments as. Default `github-actions[bot]`. */
  login?: string;
  headSha?: string;
  headBranch?: string;
}

export interface FakeJob {
  name: string;
  backendId: string;
  runtimeToken: string;
  env: Record<string, string>;
}

export interface FakeRun {
  id: number;
  number: number;
  attempt: number;
  /** For the `github-token` input; not in `env`, as the runner does not export it either. */
  token: string;
  headSha: string;
  headBranch: string;
  jobs: FakeJob[];
  /** The first job's environment. */
  env: Record<string, string>;
}

export interface TokenOptions {
  token?: string;
  permissions?: TokenPermissions;
  login?: string;
}

interface RegistryContext {
  origin: string;
  repository: string;
  /** Where new runs point when a test names no commit: PR #1's head. */
  defaultHead: () => { sha: string; branch: string };
}

/** Workflow runs, their jobs' runtime tokens, and the REST tokens tests registered. */
export class RunRegistry {
  readonly runs = new Map<number, RunRecord>();
  private readonly jobsByToken = new Map<string, JobRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private lastRunId = 6000;
  private lastRunNumber = 0;

  constructor(private readonly context: RegistryContext) {}

  newRun(options: NewRunOptions = {}): FakeRun {
    const known = options.runId === undefined ? undefined : this.runs.get(options.runId);
    const run = known ?? this.createRun(options.runId, options);
    if (known) run.attempt += 1;
    if (options.attempt !== undefined) run.attempt = options.attempt;
    const token = this.addToken({
      token: options.token,
      permissions: options.tokenPermissions,
      login: options.login,
    });
    const jobs = (options.jobs ?? ['ab-verdict']).map((name) => this.addJob(run, name));
    const first = jobs[0];
    if (!first) throw new Error('newRun: a run needs at least one job');
    const { id, number, attempt, headSha, headBranch } = run;
    return { id, number, attempt, token, headSha, headBranch, jobs, env: first.env };
  }

  /** A run known only by id, as seeded artifacts of earlier runs need. */
  ensureRun(id: number): RunRecord {
    return this.runs.get(id) ?? this.createRun(id, {});
  }

  addToken(options: TokenOptions = {}): string {
    const token = options.token ?? newRestToken();
    const login = options.login ?? 'github-actions[bot]';
    const type = login.endsWith('[bot]') ? 'Bot' : 'User';
    this.tokens.set(token, { token, permissions: options.permissions ?? 'write', login, type });
    return token;
  }

  tokenRecord(token: string | undefined): TokenRecord | undefined {
    return token === undefined ? undefined : this.tokens.get(token);
  }

  jobByRuntimeToken(token: string | undefined): JobRecord | undefined {
    return token === undefined ? undefined : this.jobsByToken.get(token);
  }

  runByBackendId(backendId: string | undefined): RunRecord | undefined {
    return [...this.runs.values()].find((run) => run.backendId === backendId);
  }

  private createRun(id: number | undefined, head: { headSha?: string; headBranch?: string }) {
    const fallback = this.context.defaultHead();
    const run: RunRecord = {
      id: id ?? ++this.lastRunId,
      number: ++this.lastRunNumber,
      attempt: 1,
      backendId: newBackendId(),
      headSha: head.headSha ?? fallback.sha,
      headBranch: head.headBranch ?? fallback.branch,
    };
    this.lastRunId = Math.max(this.lastRunId, run.id);
    this.runs.set(run.id, run);
    return run;
  }

  private addJob(run: RunRecord, name: string): FakeJob {
    const backendId = newBackendId();
    const runtimeToken = newRuntimeToken(run.backendId, backendId);
    const job: JobRecord = { name, runId: run.id, attempt: run.attempt, backendId, runtimeToken };
    this.jobsByToken.set(runtimeToken, job);
    return { name, backendId, runtimeToken, env: this.jobEnv(run, job) };
  }

  private jobEnv(run: RunRecord, job: JobRecord): Record<string, string> {
    const { origin, repository } = this.context;
    return {
      ACTIONS_RUNTIME_TOKEN: job.runtimeToken,
      ACTIONS_RESULTS_URL: `${origin}/`,
      GITHUB_API_URL: origin,
      GITHUB_GRAPHQL_URL: `${origin}/graphql`,
      // @actions/artifact refuses every other host as GHES; links in payloads point here too.
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? repository,
      GITHUB_RUN_ID: String(run.id),
      GITHUB_RUN_NUMBER: String(run.number),
      GITHUB_RUN_ATTEMPT: String(job.attempt),
      GITHUB_JOB: job.name,
    };
  }
}
