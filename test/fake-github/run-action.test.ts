import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import {
  actionInputDefaults,
  expandExpressions,
} from '../support/fake-github/runner/action-defaults.js';
import { parseOutputFile } from '../support/fake-github/runner/command-files.js';
import { NODE24, node24Runs } from '../support/node24.js';
import { inProcessLikeAChild, runActionInProcess } from '../support/run-action-in-process.js';
import { runAction } from '../support/run-action.js';

const STEP = fileURLToPath(new URL('./scripts/step-commands.mjs', import.meta.url));

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake.close();
});

describe('runAction', () => {
  it('passes inputs, event and refs as the runner does and reads back what the step wrote', async () => {
    const run = fake.state.newRun();
    const step = await runAction({
      fake,
      run,
      inputs: { 'min-effect': '0.05', 'experiment name': 'prompt-v2' },
      script: STEP,
    });
    const pr = fake.state.pull(1);
    expect(step.status).toBe(1);
    expect(step.outputs).toMatchObject({
      'min-effect': '0.05',
      'experiment-name': 'prompt-v2',
      multiline: 'first line\nsecond line',
      sha: pr.mergeSha,
      ref: 'refs/pull/1/merge',
      pr: '1',
      node: process.version,
      'cwd-is-workspace': 'true',
      leaked: 'false',
    });
    expect(step.summary).toBe('<h1>Verdict</h1>\nall good');
    expect(step.annotations).toEqual([
      {
        level: 'warning',
        message: 'odd: 50%, really',
        properties: { title: 'T: x', file: 'src/a,b.ts', line: '3' },
      },
      { level: 'notice', message: 'two\nlines', properties: {} },
      { level: 'error', message: 'stopping here', properties: {} },
    ]);
  });

  it('uses the head commit and branch outside pull_request events', async () => {
    const run = fake.state.newRun({ headBranch: 'main' });
    const step = await runAction({ fake, run, eventName: 'push', script: STEP });
    expect(step.outputs).toMatchObject({ sha: run.headSha, ref: 'refs/heads/main', pr: '' });
  });

  it.skipIf(!node24Runs)('runs the step on the Node binary asked for', async () => {
    const step = await runAction({ fake, run: fake.state.newRun(), node: NODE24, script: STEP });
    expect(step.outputs.node).toMatch(/^v24\./);
  });
});

describe.skipIf(!inProcessLikeAChild)('runActionInProcess', () => {
  /** What a step run in this process may change, and must put back. */
  const processState = () => ({
    env: { ...process.env },
    cwd: process.cwd(),
    exitCode: process.exitCode,
    context: { ...github.context },
  });

  /** Uses the toolkit as the Action does: inputs, context, REST, outputs, summary, failure. */
  async function echoStep(): Promise<void> {
    const { owner, repo } = github.context.repo;
    const octokit = github.getOctokit(core.getInput('github-token'));
    const pull = await octokit.rest.pulls.get({
      owner,
      repo,
      pull_number: github.context.issue.number,
    });
    core.setOutput('min-effect', core.getInput('min-effect'));
    core.setOutput('head', pull.data.head.sha);
    core.setOutput('run-id', String(github.context.runId));
    core.setOutput('sha', github.context.sha);
    core.setOutput('cwd-is-workspace', String(process.cwd() === process.env.GITHUB_WORKSPACE));
    core.setOutput('leaked', String('VITEST' in process.env));
    core.warning('odd: 50%, really');
    await core.summary.addRaw(`summary of ${core.getInput('min-effect')}`).write();
    core.setFailed('stopping here');
  }

  it('gives the step what a child gets, reads back what it wrote, and puts this process back', async () => {
    const before = processState();
    const steps = [];
    for (const minEffect of ['0.05', '0.2']) {
      const run = fake.state.newRun();
      const step = await runActionInProcess(
        { fake, run, inputs: { 'min-effect': minEffect } },
        echoStep,
      );
      steps.push({ run, step });
    }
    const pr = fake.state.pull(1);
    for (const [i, { run, step }] of steps.entries()) {
      const minEffect = ['0.05', '0.2'][i];
      expect(step.status).toBe(1);
      expect(step.outputs).toEqual({
        'min-effect': minEffect,
        head: pr.headSha,
        'run-id': String(run.id),
        sha: pr.mergeSha,
        'cwd-is-workspace': 'true',
        leaked: 'false',
      });
      // Each step its own summary file: the toolkit's cached path and text were reset.
      expect(step.summary).toBe(`summary of ${minEffect}`);
      expect(step.annotations.map((a) => [a.level, a.message])).toEqual([
        ['warning', 'odd: 50%, really'],
        ['error', 'stopping here'],
      ]);
    }
    expect(processState()).toEqual(before);
  });

  it('runs one step at a time', async () => {
    let finish = () => {};
    const first = runActionInProcess(
      { fake, run: fake.state.newRun() },
      () => new Promise<void>((resolve) => (finish = resolve)),
    );
    await expect(runActionInProcess({ fake, run: fake.state.newRun() })).rejects.toThrow(
      /one run at a time/,
    );
    finish();
    expect((await first).status).toBe(0);
  });
});

describe('the runner pieces', () => {
  it("reads action.yml's input defaults and expands github expressions", () => {
    const yaml = [
      'name: x',
      'inputs:',
      '  github-token:',
      "    description: 'token'",
      '    default: ${{ github.token }}',
      '  min-effect:',
      "    default: '0.1' # a comment",
      '  "store name":',
      '    default: "ab-store"',
      '  pr:',
      '    default: ${{ github.event.pull_request.number }}',
      'runs:',
      '  using: node24',
    ].join('\n');
    const defaults = actionInputDefaults(yaml);
    expect(defaults).toEqual({
      'github-token': '${{ github.token }}',
      'min-effect': '0.1',
      'store name': 'ab-store',
      pr: '${{ github.event.pull_request.number }}',
    });
    const context = { github: { token: 't', event: {} } };
    expect(expandExpressions(defaults['github-token'] ?? '', context)).toBe('t');
    expect(expandExpressions(defaults.pr ?? '', context)).toBe('');
    expect(() => expandExpressions("${{ inputs.x || 'y' }}", context)).toThrow(/unsupported/);
  });

  it('reads both GITHUB_OUTPUT formats', () => {
    const text = 'a<<ghadelimiter_1\nx\n\ny\nghadelimiter_1\nb=plain\n';
    expect(parseOutputFile(text)).toEqual({ a: 'x\n\ny', b: 'plain' });
  });
});
