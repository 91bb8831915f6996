import { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubles each time. */
  baseDelayMs: number;
}

/**
 * The REST client, with transient failures (5xx, 429, a dropped connection) tried again after
 * a growing pause. Client errors (4xx) are answers, not accidents: never retried.
 */
export function createOctokit(token: string, retry: RetryPolicy): Octokit {
  const octokit = getOctokit(token);
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const status = (error as { status?: number }).status;
        const transient = status === undefined || status >= 500 || status === 429;
        if (!transient || attempt >= retry.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  });
  return octokit;
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
