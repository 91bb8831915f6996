// Drives the real @actions/artifact client against the fake. It runs as a step through
// runAction because the client reads its environment when imported.
// Inputs: operation (upload | list | get | download | delete), name, files (one per line),
// artifact-id, path, and find-run-id + token to use the REST API of another run (`findBy`).
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';

const client = new DefaultArtifactClient();
const name = core.getInput('name');
const findRunId = core.getInput('find-run-id');
const [repositoryOwner, repositoryName] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
const findBy = findRunId
  ? {
      token: core.getInput('token'),
      workflowRunId: Number(findRunId),
      repositoryOwner,
      repositoryName,
    }
  : undefined;
const options = findBy ? { findBy } : {};

const operations = {
  upload: () =>
    client.uploadArtifact(name, core.getMultilineInput('files'), process.env.GITHUB_WORKSPACE),
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
  const result = await operations[core.getInput('operation', { required: true })]();
  core.setOutput('result', JSON.stringify(result));
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}
