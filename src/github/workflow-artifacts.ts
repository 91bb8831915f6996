import { DefaultArtifactClient } from '@actions/artifact';
import { DownloadFailed, NameTaken, type ArtifactService } from '../store/artifact-service.js';
import type { ListedArtifact } from '../store/read-plan.js';
import { budgetOf } from '../store/time-budget.js';
import { fetchToFile } from './fetch-to-file.js';
import { statusOf, type Octokit } from './octokit.js';
import { StepError } from './step-error.js';

export interface DownloadLimits {
  /** The most bytes one artifact may take. */
  maxZipBytes: number;
  /** A transfer that sends nothing for this long is tried again. */
  stallMs: number;
}

const PER_PAGE = 100;
/** A download is tried this many times in all (a stall, a 5xx), within its time budget. */
const TRIES = 2;

interface RestArtifact {
  id: number;
  name: string;
  size_in_bytes: number;
  created_at?: string | null;
  expired: boolean;
  digest?: string | null;
  workflow_run?: { repository_id?: number; head_repository_id?: number } | null;
}

/**
 * Workflow artifacts through GitHub: listed and downloaded across runs with the REST API (the
 * token needs `actions: read`), uploaded with @actions/artifact into the current run.
 */
export class WorkflowArtifacts implements ArtifactService {
  constructor(
    private readonly octokit: Octokit,
    private readonly repository: { owner: string; repo: string },
    /** This workflow run's id; null outside a run. */
    private readonly runId: number | null,
    private readonly limits: DownloadLimits,
  ) {}

  async list(name: string, signal?: AbortSignal): Promise<ListedArtifact[]> {
    return this.listing(`GET /repos/{owner}/{repo}/actions/artifacts`, { name }, signal);
  }

  async listOfThisRun(name: string, signal?: AbortSignal): Promise<ListedArtifact[]> {
    return this.runId === null ? [] : this.listOfRun(this.runId, name, signal);
  }

  /** Artifacts of one run with that exact name; none when there is no such run. */
  async listOfRun(runId: number, name: string, signal?: AbortSignal): Promise<ListedArtifact[]> {
    try {
      return await this.listing(
        `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`,
        { name, run_id: runId },
        signal,
      );
    } catch (error) {
      if (error instanceof StepError && error.status === 404) return [];
      throw error;
    }
  }

  /** `maxZipBytes`: less than the limit for a store's snapshot, for smaller artifacts. */
  async download(
    artifact: ListedArtifact,
    path: string,
    signal?: AbortSignal,
    maxZipBytes = this.limits.maxZipBytes,
  ): Promise<'done' | 'expired'> {
    const { stallMs } = this.limits;
    if (artifact.sizeInBytes > maxZipBytes) {
      throw new DownloadFailed(
        `it is ${artifact.sizeInBytes} bytes, more than the ${maxZipBytes} this reads`,
      );
    }
    let location: string | undefined;
    try {
      const response = await this.octokit.request(
        'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
        {
          ...this.repository,
          artifact_id: artifact.id,
          archive_format: 'zip',
          // The answer is a redirect to a signed link, fetched below without our token.
          request: { redirect: 'manual', ...(signal && { signal }) },
        },
      );
      location = response.headers.location;
    } catch (error) {
      const budget = budgetOf(error, signal);
      if (budget) throw budget;
      if (statusOf(error) === 410) return 'expired';
      throw new DownloadFailed(`GitHub answered ${describe(error)}`);
    }
    if (!location) throw new DownloadFailed('GitHub gave no download link');
    await fetchToFile(location, path, {
      maxBytes: maxZipBytes,
      stallMs,
      tries: TRIES,
      ...(signal && { signal }),
    });
    return 'done';
  }

  async upload(
    name: string,
    dir: string,
    files: string[],
    retentionDays: number | undefined,
  ): Promise<{ id: number }> {
    try {
      const { id } = await new DefaultArtifactClient().uploadArtifact(name, files, dir, {
        compressionLevel: 9,
        ...(retentionDays === undefined ? {} : { retentionDays }),
      });
      if (id === undefined) throw new Error(`the upload of ${name} returned no artifact id`);
      return { id };
    } catch (error) {
      // The client reports a duplicate name as "(409) Conflict"; its Twirp code is already_exists.
      if (/\(409\)|\bconflict\b|already.exists/i.test(messageOf(error))) throw new NameTaken(name);
      throw error;
    }
  }

  /**
   * Every page of a listing: GitHub documents no order, so nothing is assumed of it; a page
   * with fewer than 100 artifacts is the last.
   */
  private async listing(
    route: string,
    parameters: Record<string, string | number>,
    signal?: AbortSignal,
  ): Promise<ListedArtifact[]> {
    const all: ListedArtifact[] = [];
    for (let page = 1; ; page++) {
      let artifacts: RestArtifact[];
      try {
        const { data } = await this.octokit.request(route, {
          ...this.repository,
          ...parameters,
          per_page: PER_PAGE,
          page,
          ...(signal && { request: { signal } }),
        });
        artifacts = (data as { artifacts?: RestArtifact[] }).artifacts ?? [];
      } catch (error) {
        const budget = budgetOf(error, signal);
        if (budget) throw budget;
        const status = statusOf(error);
        const hint = status === 403 ? '; the token needs the actions: read permission' : '';
        throw new StepError(
          `cannot list the workflow artifacts (${describe(error)})${hint}`,
          status,
        );
      }
      all.push(...artifacts.map(listed));
      if (artifacts.length < PER_PAGE) return all;
    }
  }
}

function listed(artifact: RestArtifact): ListedArtifact {
  const run = artifact.workflow_run;
  return {
    id: artifact.id,
    name: artifact.name,
    sizeInBytes: artifact.size_in_bytes,
    createdAt: artifact.created_at ?? new Date(0).toISOString(),
    expired: artifact.expired,
    digest: artifact.digest ?? null,
    fromFork:
      typeof run?.head_repository_id === 'number' &&
      typeof run.repository_id === 'number' &&
      run.head_repository_id !== run.repository_id,
  };
}

function describe(error: unknown): string {
  const status = statusOf(error);
  return status === undefined ? messageOf(error) : `${status}: ${messageOf(error)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
