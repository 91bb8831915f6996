import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';

/**
 * A step that drives the real @actions/artifact client against the fake (run by
 * runActionInProcess: the client reads its configuration from the step's environment).
 * Inputs: operation (upload | list | get | download | delete), name, files (one per line),
 * artifact-id, path, and find-run-id + token to use the REST API of another run (`findBy`).
 * Output `result`: what the client returned, as JSON.
 */
export async function artifactClientStep(): Promise<void> {
  const client = new DefaultArtifactClient();
  const name = core.getInput('name');
  const findRunId = core.getInput('find-run-id');
  const [repositoryOwner = '', repositoryName = ''] = (process.env.GITHUB_REPOSITORY ?? '').split(
    '/',
  );
  const options = findRunId
    ? {
        findBy: {
          token: core.getInput('token'),
          workflowRunId: Number(findRunId),
          repositoryOwner,
          repositoryName,
        },
      }
    : {};
  const operations: Record<string, () => Promise<unknown>> = {
    upload: () =>
      client.uploadArtifact(
        name,
        core.getMultilineInput('files'),
        process.env.GITHUB_WORKSPACE ?? '',
      ),
    list: () => client.listArtifacts(options),
    get: () => client.getArtifact(name, options),
    download: () =>
      client.downloadArtifact(Number(core.getInput('artifact-id')), {
        ...options,
        path: core.getInput('path') || undefined,
      }),
    delete: () => client.deleteArtifact(name, options),
  };
  try {
    const operation = operations[core.getInput('operation', { required: true })];
    if (!operation) throw new Error(`no operation ${core.getInput('operation')}`);
    core.setOutput('result', JSON.stringify(await operation()));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
