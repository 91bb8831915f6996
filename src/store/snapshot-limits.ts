import { MAX_RECORD_LINE_BYTES } from '../records/read-jsonl.js';
import { MANIFEST_FILE, SESSIONS_FILE } from './format.js';

const MiB = 1024 * 1024;

/**
 * What a snapshot may hold: one definition for the writer, which never writes more, and for the
 * reader, which refuses more. The reader streams, so these bound time and disk, not memory: no
 * ratio of compressed to inflated size, which refused ordinary repetitive sessions.
 */
export const SNAPSHOT_LIMITS = {
  /** Entries of an artifact's zip: ab-verdict writes 2. */
  maxEntries: 16,
  manifestBytes: 8 * MiB,
  /**
   * One line of sessions.jsonl: what one result line may take, with room for the provenance, so
   * that every record read can be stored. A record of a `.json` file may be longer: the writer
   * refuses it then, by session id.
   */
  lineBytes: MAX_RECORD_LINE_BYTES + 4 * MiB,
  /** All of sessions.jsonl. */
  sessionsBytes: 2048 * MiB,
} as const;

/**
 * The largest zip of a snapshot: deflate never grows data by more than a few bytes a block, so
 * the zip of an acceptable snapshot always fits.
 */
export const MAX_SNAPSHOT_ZIP_BYTES =
  SNAPSHOT_LIMITS.sessionsBytes + SNAPSHOT_LIMITS.manifestBytes + 64 * MiB;

/** A snapshot the writer will not write, because the reader would refuse it. */
export class SnapshotTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotTooLarge';
  }
}

/** Throws SnapshotTooLarge for a manifest the reader would refuse. */
export function checkManifestSize(bytes: number): void {
  if (bytes > SNAPSHOT_LIMITS.manifestBytes) {
    throw new SnapshotTooLarge(
      `its ${MANIFEST_FILE} would be ${mib(bytes)}, more than the ${mib(SNAPSHOT_LIMITS.manifestBytes)} a snapshot's manifest may be`,
    );
  }
}

/** Throws SnapshotTooLarge for a session line, or a sessions file, the reader would refuse. */
export function checkSessionLine(lineBytes: number, totalBytes: number, sessionId: string): void {
  if (lineBytes > SNAPSHOT_LIMITS.lineBytes) {
    throw new SnapshotTooLarge(
      `session ${JSON.stringify(sessionId)} is ${mib(lineBytes)} as a line of ${SESSIONS_FILE}, more than the ${mib(SNAPSHOT_LIMITS.lineBytes)} a line may be; shorten its errors or notes`,
    );
  }
  if (totalBytes > SNAPSHOT_LIMITS.sessionsBytes) {
    throw new SnapshotTooLarge(
      `${SESSIONS_FILE} would be more than the ${mib(SNAPSHOT_LIMITS.sessionsBytes)} a snapshot may hold; start a new experiment id`,
    );
  }
}

export function mib(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}
