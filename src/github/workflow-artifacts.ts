import { DefaultArtifactClient } from '@actions/artifact';
import { DownloadFailed, NameTaken, type ArtifactService } from '../store/artifact-service.js';
import type { ListedArtifact } from '../store/read-plan.js';
import { fetchBounded } from './fetch-bounded.js';
import { statusOf, type Octokit } from './octokit.js';
import { StepError } from './step-error.js';

/** The most bytes one store or report artifact may take to download. */
export const MAX_ZIP_BYTES = 200 * 1024 * 1024;

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
    private readonly maxZipBytes = MAX_ZIP_BYTES,
  ) {}

  async list(name: string): Promise<ListedArtifact[]> {
    return this.listing(`GET /repos/{owner}/{repo}/actions/artifacts`, { name });
  }

  /** Artifacts of one run with that exact name, newest first; none when there is no such run. */
  async listOfRun(runId: number, name: string): Promise<ListedArtifact[]> {
    try {
      return await this.listing(`GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, {
        name,
        run_id: runId,
      });
    } catch (error) {
      if (error instanceof StepError && error.status === 404) return [];
      throw error;
    }
  }

  async download(artifact: ListedArtifact): Promise<Buffer | 'expired'> {
    if (artifact.sizeInBytes > this.maxZipBytes) {
      throw new DownloadFailed(
        `it is ${artifact.sizeInBytes} bytes, more than the ${this.maxZipBytes} this reads`,
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
          request: { redirect: 'manual' },
        },
      );
      location = response.headers.location;
    } catch (error) {
      if (statusOf(error) === 410) return 'expired';
      throw new DownloadFailed(`GitHub answered ${describe(error)}`);
    }
    if (!location) throw new DownloadFailed('GitHub gave no download link');
    return fetchBounded(location, this.maxZipBytes);
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

  private async listing(
    route: string,
    parameters: Record<string, string | number>,
  ): Promise<ListedArtifact[]> {
    try {
      const { data } = await this.octokit.request(route, {
        ...this.repository,
        ...parameters,
        per_page: 100,
      });
      return ((data as { artifacts: RestArtifact[] }).artifacts ?? []).map(listed);
    } catch (error) {
      const status = statusOf(error);
      const hint = status === 403 ? '; the token needs the actions: read permission' : '';
      throw new StepError(`cannot list the workflow artifacts (${describe(error)})${hint}`, status);
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
