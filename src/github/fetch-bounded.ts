import { DownloadFailed } from '../store/artifact-service.js';

const TRIES = 3;
const TIMEOUT_MS = 120_000;

/**
 * GETs a signed blob link (no credentials: the link is the credential) into memory, refusing
 * more than `maxBytes` as they arrive. A failed transfer is tried again (twice).
 */
export async function fetchBounded(url: string, maxBytes: number): Promise<Buffer> {
  let lastReason = '';
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    try {
      return await fetchOnce(url, maxBytes);
    } catch (error) {
      if (error instanceof DownloadFailed && !error.transient) throw error;
      lastReason = error instanceof Error ? error.message : String(error);
    }
  }
  throw new DownloadFailed(`the download failed ${TRIES} times (${lastReason})`);
}

async function fetchOnce(url: string, maxBytes: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    const reason = `the download link answered ${response.status}`;
    throw new DownloadFailed(reason, response.status >= 500 || response.status === 429);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new DownloadFailed(`it is ${declared} bytes, more than the ${maxBytes} this reads`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) {
      throw new DownloadFailed(`it sent more than the ${maxBytes} bytes this reads`);
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
