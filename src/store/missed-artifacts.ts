import { estimateSessions } from './estimate-sessions.js';
import type { Snapshot } from './format.js';
import type { MissedArtifact } from './read-plan.js';

export interface MissedMessage {
  label: string;
  /** Short, for the report's details. */
  reason: string;
  /** The annotation's text. */
  message: string;
  /** Expired and too old are how artifacts end: a notice. Over the limit means lost reads. */
  level: 'notice' | 'warning';
}

/**
 * One message per store artifact that was not read and whose sessions no snapshot read
 * contains, with an estimate of how many sessions that may hide: how many sessions like those
 * of the newest snapshot read (`like`) compress to its size.
 */
export function describeMissed(
  missed: readonly MissedArtifact[],
  like: Snapshot | undefined,
  lookbackDays: number,
): MissedMessage[] {
  return missed.map(({ artifact, reason }) => {
    const label = `artifact ${artifact.name} (id ${artifact.id})`;
    const described = `${label}, ${artifact.sizeInBytes} bytes`;
    const sessions = like ? estimateSessions(artifact.sizeInBytes, like) : null;
    const estimate =
      sessions === null
        ? 'an unknown number of sessions in it may be missing (no snapshot was read to estimate from)'
        : `about ${sessions} sessions in it may be missing (an estimate: sessions like those read, compressed, to its size)`;
    switch (reason) {
      case 'expired':
        return {
          label,
          reason: 'expired',
          message: `Store ${described} expired before it was read; ${estimate}.`,
          level: 'notice',
        };
      case 'too-old':
        return {
          label,
          reason: `older than lookback-days (${lookbackDays})`,
          message: `Store ${described} is older than lookback-days (${lookbackDays}) and was not read; ${estimate}.`,
          level: 'notice',
        };
      case 'out-of-time':
        return {
          label,
          reason: "not read: the store read's time budget ran out",
          message: `Store ${described} was not read: reading the store ran out of time; ${estimate}. It stays in the store, and the next run reads it.`,
          level: 'warning',
        };
      case 'over-limit':
        return {
          label,
          reason: 'not read: too many overlapping snapshots',
          message: `Store ${described} was not read: this run already read the most snapshots it reads at once; ${estimate}. The next run reads it.`,
          level: 'warning',
        };
    }
  });
}
