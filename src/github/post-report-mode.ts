import * as core from '@actions/core';
import type { ActionSettings } from '../config/action-inputs.js';
import { buildComment, commentMarker } from '../report/comment.js';
import { buildSummary } from '../report/summary.js';
import { parseReportView } from '../report/view-schema.js';
import type { ReportView } from '../report/view.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BoundedZip, ZipRejected } from '../store/bounded-unzip.js';
import { DownloadFailed } from '../store/artifact-service.js';
import { MAX_NAME_SUFFIX, reportArtifactName, suffixedName } from '../store/names.js';
import type { ListedArtifact } from '../store/read-plan.js';
import { timeBudget } from '../store/time-budget.js';
import type { Environment } from './environment.js';
import { writeJobSummary } from './job-summary.js';
import { statusOf, type Octokit } from './octokit.js';
import { setOutputs } from './outputs.js';
import { postComment } from './post-comment.js';
import { REPORT_VIEW } from './report-files.js';
import { StepError } from './step-error.js';
import { failsOn } from './verdict-gate.js';

/**
 * `mode: post-report`, for the `workflow_run` workflow of the fork-safe pair: fetches the report
 * artifact of the triggering run, checks it, renders it here (so nothing the pull request's
 * code wrote reaches the comment unescaped) and posts the sticky comment and the summary.
 */
export async function postReportMode(settings: ActionSettings, env: Environment): Promise<void> {
  const { octokit, artifacts, context } = env;
  const runId = settings.reportRunId;
  if (!octokit || !artifacts || runId === null) {
    throw new StepError('mode: post-report needs github-token and report-run-id');
  }
  const name = reportArtifactName(settings.config.experiment);
  const artifact = await newestReport(artifacts, runId, name);
  const file = await readViewFile(env, artifacts, artifact);
  if (file.view.report.experiment !== settings.config.experiment) {
    throw new StepError(
      `artifact ${artifact.name} holds a report of experiment ${JSON.stringify(file.view.report.experiment)}, expected ${JSON.stringify(settings.config.experiment)} (the experiment input)`,
    );
  }
  const runUrl =
    context.workflowRun?.id === runId && context.workflowRun.htmlUrl
      ? context.workflowRun.htmlUrl
      : `https://github.com/${context.owner}/${context.repo}/actions/runs/${runId}`;
  // Only what this run knows for sure goes into links and pointers.
  const view: ReportView = {
    ...file.view,
    runUrl,
    fullReport: `in artifact ${artifact.name} of the workflow run`,
  };

  if (settings.summary) await writeJobSummary(buildSummary(view));
  // With comment: never there is nothing to find, and nothing to say about it.
  const issue =
    settings.comment === 'never'
      ? null
      : await targetIssue(settings, env, octokit, file.pullRequest);
  const commentUrl =
    issue === null
      ? null
      : await postComment({
          octokit,
          repository: { owner: context.owner, repo: context.repo },
          target: { issue, fork: false },
          setting: settings.comment,
          marker: commentMarker(settings.config.experiment),
          body: buildComment(view),
          reportArtifact: artifact.name,
        });
  setOutputs(view.report, {
    reportJson: '',
    reportMarkdown: '',
    reportHtml: '',
    commentUrl,
    storeArtifactId: null,
  });
  const { verdict, reason } = view.report.recommendation;
  if (failsOn(settings.failOn, verdict)) {
    core.setFailed(
      `ab-verdict: the verdict is ${verdict} and fail-on is ${settings.failOn}: ${reason}`,
    );
  }
}

async function newestReport(
  artifacts: NonNullable<Environment['artifacts']>,
  runId: number,
  base: string,
): Promise<ListedArtifact> {
  // Every name: one an upload never finished hides nothing after it.
  const names = Array.from({ length: MAX_NAME_SUFFIX }, (_, i) => suffixedName(base, i + 1));
  const found = (await Promise.all(names.map((name) => artifacts.listOfRun(runId, name)))).flat();
  const newest = found
    .filter((artifact) => !artifact.expired)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id)[0];
  if (!newest) {
    throw new StepError(
      `report-run-id: run ${runId} has no artifact ${base}; its ab-verdict step (mode analyze) uploads it, with the same experiment input`,
    );
  }
  return newest;
}

/** The most a report artifact and its view may take: a real one is a few hundred KiB. */
const MAX_REPORT_ZIP_BYTES = 16 << 20;
const MAX_VIEW_BYTES = 8 << 20;

async function readViewFile(
  env: Environment,
  artifacts: NonNullable<Environment['artifacts']>,
  artifact: ListedArtifact,
): Promise<{ view: ReportView; pullRequest: number | null }> {
  const label = `artifact ${artifact.name} (id ${artifact.id})`;
  const dir = await mkdtemp(join(env.tempDir, 'ab-verdict-report-'));
  try {
    const file = join(dir, 'report.zip');
    const signal = timeBudget(env.storeBudgets.downloadMs, `the download of ${label}`);
    if ((await artifacts.download(artifact, file, signal, MAX_REPORT_ZIP_BYTES)) === 'expired') {
      throw new StepError(`${label} has expired`);
    }
    const zip = await BoundedZip.open(file, {
      maxEntries: 16,
      maxBytes: { [REPORT_VIEW]: MAX_VIEW_BYTES },
    });
    let text: string | undefined;
    try {
      text = await zip.text(REPORT_VIEW);
    } finally {
      zip.close();
    }
    if (text === undefined) throw new StepError(`${label} has no ${REPORT_VIEW}`);
    const parsed = JSON.parse(text) as { view?: unknown; pullRequest?: unknown };
    const result = parseReportView(parsed.view);
    if ('problems' in result) {
      throw new StepError(
        `${label}: ${REPORT_VIEW} is not an ab-verdict report: ${result.problems.join('; ')}`,
      );
    }
    const pullRequest = Number.isSafeInteger(parsed.pullRequest)
      ? (parsed.pullRequest as number)
      : null;
    return { view: result.view, pullRequest };
  } catch (error) {
    if (error instanceof StepError) throw error;
    const reason =
      error instanceof ZipRejected || error instanceof DownloadFailed
        ? error.reason
        : (error as Error).message;
    throw new StepError(`${label} cannot be read: ${reason}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The issue-number input; else the triggering run's pull request as GitHub lists it (same
 * repository); else the one the report names, accepted only if that pull request's head is the
 * commit the triggering run ran on: a fork's report cannot steer the comment to another PR.
 */
async function targetIssue(
  settings: ActionSettings,
  env: Environment,
  octokit: Octokit,
  named: number | null,
): Promise<number | null> {
  if (settings.issueNumber !== null) return settings.issueNumber;
  const run = env.context.workflowRun;
  if (run && run.id === settings.reportRunId && run.pullRequests[0] !== undefined) {
    return run.pullRequests[0];
  }
  if (named !== null && run && run.id === settings.reportRunId) {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner: env.context.owner,
        repo: env.context.repo,
        pull_number: named,
      });
      if (data.head.sha === run.headSha) return named;
      core.warning(
        `The report names pull request #${named}, whose head (${data.head.sha}) is not the commit the triggering run ran on (${run.headSha}); no comment was posted.`,
        { title: 'ab-verdict: no comment' },
      );
      return null;
    } catch (error) {
      core.warning(
        `Pull request #${named} cannot be read (${statusOf(error) ?? (error as Error).message}); no comment was posted.`,
      );
      return null;
    }
  }
  core.notice(`No comment was posted: ${whyNoPullRequest(env, settings.reportRunId, named)}.`, {
    title: 'ab-verdict: no comment',
  });
  return null;
}

/** Why `post-report` knows no pull request to comment on, case by case. */
function whyNoPullRequest(
  env: Environment,
  reportRunId: number | null,
  named: number | null,
): string {
  const run = env.context.workflowRun;
  const set = 'set issue-number to comment anyway';
  const claim =
    named === null
      ? ''
      : ` (the report names #${named}, which is believed only when checked against the triggering run)`;
  if (!run) {
    return `this ${env.context.eventName} event is not the workflow_run of run ${reportRunId}, so which pull request it belongs to is not known${claim}; ${set}`;
  }
  if (run.id !== reportRunId) {
    return `report-run-id ${reportRunId} is not the run that triggered this one (${run.id}), so which pull request it belongs to is not known${claim}; ${set}`;
  }
  return `the triggering run is not of a pull request, and issue-number is not set`;
}
