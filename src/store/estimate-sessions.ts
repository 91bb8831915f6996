import { deflateRawSync } from 'node:zlib';
import type { Snapshot } from './format.js';
import { manifestText, sessionLine } from './snapshot-codec.js';

/** Zip headers of a two-file snapshot: local and central headers, names, the end record. */
const ZIP_OVERHEAD = 2 * (30 + 46) + 'manifest.json'.length * 2 + 'sessions.jsonl'.length * 2 + 22;
/** Sessions of the sample compressed at most: enough for the rate, cheap enough to redo. */
const SAMPLE = 2000;

/**
 * About how many sessions a snapshot of `zipBytes` holds, judged by compressing sessions like
 * its own: the newest `SAMPLE` of a snapshot that was read, with its manifest (whose history
 * weighs as much in a small snapshot as its sessions). Small snapshots compress worse per
 * session than large ones, so dividing by a large snapshot's bytes per session overestimates.
 */
export function estimateSessions(zipBytes: number, like: Snapshot): number | null {
  const lines = like.sessions.slice(-SAMPLE).map((session) => `${sessionLine(session)}\n`);
  if (lines.length === 0) return null;
  const fixed = ZIP_OVERHEAD + deflateRawSync(manifestText(like.manifest), { level: 9 }).length;
  const size = (k: number) =>
    fixed + deflateRawSync(lines.slice(0, k).join(''), { level: 9 }).length;
  const n = lines.length;
  const all = size(n);
  if (zipBytes >= all) {
    // Beyond the sample: at the rate of its second half.
    const half = Math.max(1, Math.floor(n / 2));
    const rate = Math.max(1, (all - size(half)) / (n - half || 1));
    return Math.round(n + (zipBytes - all) / rate);
  }
  let low = 0;
  let high = n;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (size(middle) <= zipBytes) low = middle;
    else high = middle;
  }
  return Math.max(1, high);
}
