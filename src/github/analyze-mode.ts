import * as core from '@actions/core';
import { analyze } from '../analysis/analyze.js';
import type { Report } from '../analysis/report-types.js';
import type { ActionSettings } from '../config/action-inputs.js';
import { buildComment, commentMarker } from '../report/comment.js';
import { historyPointOf, looksOf } from '../report/history.js';
import { buildSummary } from '../report/summary.js';
import type { ReportView, StoreView } from '../report/view.js';
import {
  StoreUnreadable,
  type StoreBackend,
  type StoreRead,
  type StoreWritten,
} from '../store/backend.js';
import { StoreFolderError } from '../store/dir-store.js';
import { inInputNames } from '../config/action-inputs.js';
import { checkArmsPresent } from '../analysis/arms-present.js';
import type { StoredSession } from '../store/format.js';
import { reportArtifactName } from '../store/names.js';
import { readInputs, sourceOptions } from '../sources/read-inputs.js';
import { readResults } from '../store/read-results.js';
import { storedEarlier, storeTable } from '../store/store-table.js';
import { snapshotOf, updateStore } from '../store/update.js';
import { uploadWithSuffix } from '../store/upload-with-suffix.js';
import { commentTarget } from './comment-target.js';
import { writeJobSummary } from './job-summary.js';
import type { Environment } from './environment.js';
import { setOutputs } from './outputs.js';
import { StepError } from './step-error.js';
import { postComment } from './post-comment.js';
import { writeReportFiles, type ReportFiles } from './report-files.js';
import { checkResults } from './results-problems.js';
import { storeBackend } from './store-backend.js';
import { failsOn } from './verdict-gate.js';

/**
 * `mode: analyze`: this run's results and the store → the analysis → the store written back,
 * the report files and artifact, the job summary, the sticky comment, the outputs.
 */
export async function analyzeMode(settings: ActionSettings, env: Environment): Promise<void> {
  const { config } = settings;
  const { context, now } = env;
  const logs = await readInputs(settings.results, {
    ...sourceOptions(settings.source),
    cwd: env.workspace,
    names: { variant: 'variant', variantFrom: 'variant-from' },
  });
  const results = await readResults(logs.recordFiles, {
    onInvalid: config.onInvalid,
    experiment: config.experiment,
    cwd: env.workspace,
    records: logs.sessions,
  });
  results.problems.unshift(...logs.problems);
  checkResults(results, config, logs.warnings);

  const backend = storeBackend(settings, env);
  core.info(`store: ${backend.description}`);
  const fresh: StoredSession[] = results.records.map(({ record, source }) => ({
    record,
    provenance: {
      runId: context.runId,
      attempt: context.attempt,
      commit: context.sha,
      time: now.toISOString(),
      source,
    },
  }));
  const read = await readStore(backend, fresh.length);
  const update = updateStore(read.snapshots, fresh);
  const sessions = update.union.sessions();
  const table = storeTable(sessions, update.duplicates, config.segments);
  const report = inInputNames(() => {
    checkArmsPresent(table, config, results.otherExperiments);
    return analyze(
      table,
      config,
      {
        files: results.files,
        recordsRead: results.recordsRead,
        skippedInvalid: results.skipped,
        otherExperiments: results.otherExperiments,
      },
      // Every earlier run was a look: the sequential boundary of this one depends on them.
      { priorLooks: looksOf(update.history) },
    );
  });
  const look = historyPointOf(report, { ...context, time: now });
  const snapshot = snapshotOf(update, config.experiment, look, now, sessions);

  // The store first: sessions are the data; a comment can be posted again, a lost session not.
  let written: StoreWritten | null = null;
  let storeFailure: string | null = null;
  if (fresh.length > 0) {
    try {
      written = await backend.write(snapshot, fresh);
      if (written) core.info(`store: wrote ${written.label} with ${sessions.length} sessions`);
    } catch (error) {
      storeFailure = `The store could not be written (${backend.description}): ${messageOf(error)}. This run's ${update.added} new sessions are not stored; re-run the job to store them.`;
      core.error(storeFailure, { title: 'ab-verdict: store not written' });
    }
  }

  const artifactName = reportArtifactName(config.experiment);
  const view: ReportView = {
    report,
    store: { ...storeView(backend, read, written, update, sessions), failure: storeFailure },
    history: snapshot.manifest.history,
    fullReport: `in report.html and report.md of the artifact ${artifactName}`,
    runUrl: context.runUrl,
  };
  const files = await writeReportFiles(env.tempDir, view, {
    pullRequest: context.pullRequest?.number ?? null,
    headSha: context.sha,
  });
  await uploadReport(env, settings, artifactName, files);

  if (settings.summary) await writeJobSummary(buildSummary(view));
  const target = commentTarget(settings, context);
  const commentUrl =
    target && env.octokit
      ? await postComment({
          octokit: env.octokit,
          repository: { owner: context.owner, repo: context.repo },
          target,
          setting: settings.comment,
          marker: commentMarker(config.experiment),
          body: buildComment(view),
          reportArtifact: artifactName,
        })
      : null;

  setOutputs(report, {
    reportJson: files.json,
    reportMarkdown: files.markdown,
    reportHtml: files.html,
    commentUrl,
    storeArtifactId: written?.artifactId ?? null,
  });
  finish(report, settings, storeFailure);
}

/**
 * The store as read; when it cannot be read at all (no permission to list, an unusable folder),
 * the step stops, saying that this run's sessions were not stored either.
 */
async function readStore(backend: StoreBackend, sessions: number): Promise<StoreRead> {
  try {
    return await backend.read();
  } catch (error) {
    if (!(error instanceof StoreUnreadable || error instanceof StoreFolderError)) throw error;
    const status = error instanceof StoreUnreadable ? error.status : undefined;
    const fix =
      status === 403
        ? 'give the job `permissions: actions: read` (with the others it needs)'
        : 'fix that';
    throw new StepError(
      `the store (${backend.description}) could not be read: ${error.message}. This run's ${sessions} sessions were not stored, and nothing was analysed: ${fix}, then re-run the job.`,
      status,
    );
  }
}

function storeView(
  backend: StoreBackend,
  read: StoreRead,
  written: StoreWritten | null,
  update: ReturnType<typeof updateStore>,
  sessions: StoredSession[],
): StoreView {
  return {
    description: backend.description,
    read: read.snapshots.map(
      ({ label, snapshot }) => `${label}: ${snapshot.sessions.length} sessions`,
    ),
    skipped: read.skipped,
    written: written?.label ?? null,
    added: update.added,
    alreadyStored: update.alreadyStored,
    fromEarlierRuns: storedEarlier(sessions, update.addedIds),
  };
}

/** The report artifact, for `post-report` and for people; failing to upload it fails nothing. */
async function uploadReport(
  env: Environment,
  settings: ActionSettings,
  name: string,
  files: ReportFiles,
): Promise<void> {
  if (!env.artifacts) return;
  try {
    const { id, name: uploaded } = await uploadWithSuffix(
      env.artifacts,
      name,
      files.dir,
      [files.json, files.markdown, files.html, files.view],
      { retentionDays: settings.retentionDays, info: (message) => core.info(`report: ${message}`) },
    );
    core.info(`report: uploaded artifact ${uploaded} (id ${id})`);
  } catch (error) {
    core.warning(`The report artifact ${name} could not be uploaded: ${messageOf(error)}`, {
      title: 'ab-verdict: report artifact',
    });
  }
}

/** Fails the step for a store not written, or for the verdict `fail-on` names. */
function finish(report: Report, settings: ActionSettings, storeFailure: string | null): void {
  const { verdict, reason } = report.recommendation;
  if (storeFailure) core.setFailed(storeFailure);
  else if (failsOn(settings.failOn, verdict)) {
    core.setFailed(
      `ab-verdict: the verdict is ${verdict} and fail-on is ${settings.failOn}: ${reason}`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
