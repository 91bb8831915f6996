import type { ActionSettings } from '../config/action-inputs.js';
import type { RunContext } from './run-context.js';
import { StepError } from './step-error.js';

export interface CommentTarget {
  issue: number;
  /** A fork's pull request: its token is read-only, so no comment is no failure. */
  fork: boolean;
}

/**
 * Where the sticky comment goes: `issue-number` when given, else the event's pull request; none
 * on other events (a schedule, a push) or with `comment: never`.
 */
export function commentTarget(settings: ActionSettings, context: RunContext): CommentTarget | null {
  if (settings.comment === 'never') return null;
  if (settings.issueNumber !== null) return { issue: settings.issueNumber, fork: false };
  if (context.pullRequest)
    return { issue: context.pullRequest.number, fork: context.pullRequest.fork };
  if (settings.comment === 'always') {
    throw new StepError(
      `comment: always: a ${context.eventName} event has no pull request to comment on; set issue-number, or use comment: auto`,
    );
  }
  return null;
}
