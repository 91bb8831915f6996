import * as core from '@actions/core';

/**
 * The Action's entry. The full pipeline (store, comment, summary) arrives with the Action issue;
 * for now it states that plainly instead of pretending to analyse.
 */
export async function run(): Promise<void> {
  core.setFailed(
    'ab-verdict: the GitHub Action is not wired yet in this version; use the CLI (`ab-verdict analyze`).',
  );
}
