import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { DownloadFailed } from '../store/artifact-service.js';
import { budgetOf } from '../store/time-budget.js';

export interface FetchOptions {
  maxBytes: number;
  /** A transfer that sends nothing for this long is a failure (tried again). */
  stallMs: number;
  /** Tries in all, for failures worth another try. */
  tries: number;
  /** The time budget: aborting it stops the transfer, with its reason. */
  signal?: AbortSignal;
}

/**
 * GETs a signed blob link (no credentials: the link is the credential) into a file, refusing
 * more than `maxBytes` as they arrive. A transfer that fails, or stalls, is tried again, within
 * `signal`'s budget. Memory holds one chunk at a time.
 */
export async function fetchToFile(url: string, path: string, options: FetchOptions): Promise<void> {
  let lastReason = '';
  for (let attempt = 1; attempt <= options.tries; attempt++) {
    try {
      await fetchOnce(url, path, options);
      return;
    } catch (error) {
      const budget = budgetOf(error, options.signal);
      if (budget) throw budget;
      if (error instanceof DownloadFailed && !error.transient) throw error;
      lastReason = error instanceof Error ? error.message : String(error);
    }
  }
  throw new DownloadFailed(`the download failed ${options.tries} times (${lastReason})`);
}

async function fetchOnce(url: string, path: string, options: FetchOptions): Promise<void> {
  const stall = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const waitForData = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => stall.abort(new DownloadFailed(`no data for ${options.stallMs / 1000} s`, true)),
      options.stallMs,
    );
  };
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal;
  const out = createWriteStream(path);
  try {
    waitForData();
    const response = await fetch(url, { signal });
    if (!response.ok) {
      await response.body?.cancel();
      const reason = `the download link answered ${response.status}`;
      throw new DownloadFailed(reason, response.status >= 500 || response.status === 429);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw new DownloadFailed(
        `it is ${declared} bytes, more than the ${options.maxBytes} this reads`,
      );
    }
    let size = 0;
    for await (const chunk of response.body ?? []) {
      waitForData();
      size += (chunk as Uint8Array).length;
      if (size > options.maxBytes) {
        throw new DownloadFailed(`it sent more than the ${options.maxBytes} bytes this reads`);
      }
      if (!out.write(chunk as Uint8Array)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    // An abort surfaces as the fetch's own error: report why it was aborted instead.
    if (signal.aborted) throw signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
