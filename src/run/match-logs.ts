import type { FoundSession } from '../sources/types.js';

/** What a session's logs are matched by. */
export interface LogMatch {
  sessionId: string;
  /** The session's working directory, as the agent saw it (real path). */
  workdir: string;
  /** Whether the logs were read from the session's own folder: they are then its own. */
  ownFolder: boolean;
}

/**
 * The session among the ones the logs hold that is this run's: the one whose id is the session's
 * (an agent told the id, e.g. by `--session-id ${AB_VERDICT_SESSION_ID}`), else the one whose
 * working directory is the session's (every session has a directory of its own), else, for logs
 * read from the session's own folder, the only session there. Undefined when none is certain.
 */
export function matchSession(
  found: readonly FoundSession[],
  match: LogMatch,
): FoundSession | undefined {
  const byId = found.find((session) => session.record.session_id === match.sessionId);
  if (byId) return byId;
  const inDir = found.filter((session) => session.keys.fields.cwd === match.workdir);
  if (inDir.length === 1) return inDir[0];
  if (inDir.length === 0 && match.ownFolder && found.length === 1) return found[0];
  return undefined;
}
