import * as core from '@actions/core';
import type { CommentSetting } from '../config/action-inputs.js';
import type { CommentTarget } from './comment-target.js';
import { statusOf, type Octokit } from './octokit.js';
import { StepError } from './step-error.js';
import { commentAuthor, upsertStickyComment } from './sticky-comment.js';

export interface PostCommentOptions {
  octokit: Octokit;
  repository: { owner: string; repo: string };
  target: CommentTarget;
  setting: CommentSetting;
  marker: string;
  body: string;
  /** The artifact that holds the report, for the fork recipe's hint. */
  reportArtifact: string;
}

/**
 * Posts or updates the sticky comment. A comment that cannot be written is a notice, never a
 * failure, on a fork's pull request or with `comment: auto`; with `comment: always` it fails
 * the step (StepError). Returns the comment's URL, or null.
 */
export async function postComment(options: PostCommentOptions): Promise<string | null> {
  const { octokit, repository, target } = options;
  try {
    const author = await commentAuthor(octokit);
    const place = { ...repository, issue: target.issue };
    const { url } = await upsertStickyComment(octokit, place, options.marker, author, options.body);
    core.info(`comment: ${url}`);
    return url;
  } catch (error) {
    const status = statusOf(error);
    const why = `${status === undefined ? '' : `${status}: `}${error instanceof Error ? error.message : String(error)}`;
    const message = target.fork
      ? `No comment was posted on #${target.issue}: it is a pull request from a fork, and GitHub gives workflows of fork pull requests a read-only token (${why}). The job summary has the report, and artifact ${options.reportArtifact} holds it: post it with a workflow_run workflow in mode post-report (README, "Fork pull requests").`
      : `No comment was posted on #${target.issue} (${why}). ${status === 403 || status === 404 ? 'Give the job permissions: pull-requests: write (issues: write for an issue).' : ''}`.trimEnd();
    if (target.fork || options.setting === 'auto') {
      core.notice(message, { title: 'ab-verdict: no comment' });
      return null;
    }
    throw new StepError(message);
  }
}
