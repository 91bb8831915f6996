import * as core from '@actions/core';
import { parseActionInputs } from './config/action-inputs.js';
import { ConfigError } from './config/parse-inputs.js';
import { analyzeMode } from './github/analyze-mode.js';
import { readEnvironment, readWorkspaceText } from './github/environment.js';
import { postReportMode } from './github/post-report-mode.js';
import { StepError } from './github/step-error.js';
import { escapeMarkdown } from './report/escape.js';

/**
 * The Action's entry: reads every input, runs the mode (`analyze`, or `post-report` for the
 * fork-safe pair), and turns what went wrong into a failed step with a plain message. Mistakes
 * a user can fix show no stack trace; a bug says it is one.
 */
export async function run(): Promise<void> {
  try {
    const settings = parseActionInputs((name) => core.getInput(name), readWorkspaceText);
    const env = readEnvironment(settings.token);
    if (settings.mode === 'post-report') await postReportMode(settings, env);
    else await analyzeMode(settings, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      await fail(
        `ab-verdict: check the step's inputs:\n${error.messages.map((m) => `- ${m}`).join('\n')}`,
      );
    } else if (error instanceof StepError) {
      await fail(`ab-verdict: ${error.message}`);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      await fail(`ab-verdict: internal error (a bug: please report it with this log)\n${detail}`);
    }
  }
}

/** Fails the step; the job summary says why too, as it is written on every run. */
async function fail(message: string): Promise<void> {
  core.setFailed(message);
  try {
    const [first = '', ...rest] = message.split('\n');
    await core.summary
      .addRaw(
        `### ❗ ${escapeMarkdown(first)}\n\n${rest.map((line) => escapeMarkdown(line)).join('<br>\n')}\n`,
      )
      .write();
  } catch {
    // No summary file outside a runner: the failed step says it all.
  }
}
