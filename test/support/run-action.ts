import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  plainEvent,
  pullRequestEvent,
  type FakeGitHub,
  type FakeRun,
} from './fake-github/index.js';
import { parseAnnotations, type Annotation } from './fake-github/runner/annotations.js';
import { parseOutputFile } from './fake-github/runner/command-files.js';
import { refEnv } from './fake-github/runner/github-env.js';
import { inputEnv } from './fake-github/runner/inputs.js';
import { spawnNode, type StepProcess } from './fake-github/runner/spawn-node.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The committed bundle: tests run what users run. */
export const ACTION_BUNDLE = join(REPO, 'dist/index.js');

/** Only what a process needs to start; nothing of a CI job this test may itself run in. */
const PASSED_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

/** A step as the workflow describes it: what both ways of running the Action take. */
export interface WorkflowStep {
  fake: FakeGitHub;
  run: FakeRun;
  /** By input name as in action.yml (`min-effect`); action.yml defaults fill in the rest. */
  inputs?: Record<string, string>;
  /** The event payload. Default: `pull_request` for PR #1 from the same repository. */
  event?: object;
  eventName?: string;
  /** The workspace, also the working directory. Default: a fresh empty folder. */
  cwd?: string;
  /** Applied last, over everything else. */
  env?: Record<string, string>;
}

export interface RunActionOptions extends WorkflowStep {
  /** The Node binary. Default: the one running the tests. */
  node?: string;
  /** A script to run in place of dist/index.js (the tests of runAction itself use one). */
  script?: string;
  /** Kill the step after this long (SIGKILL; status null). Default 50 s. */
  timeoutMs?: number;
}

export interface ActionResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  workspace: string;
}

/** Runs the Action in a child process the way the runner does, against the fake. */
export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const script = options.script ?? ACTION_BUNDLE;
  if (!existsSync(script)) throw new Error(`runAction: ${script} is missing; run npm run build`);
  const step = prepareStep(options);
  const child = await spawnNode(options.node ?? process.execPath, script, {
    cwd: step.workspace,
    env: step.env,
    timeoutMs: options.timeoutMs ?? 50_000,
  });
  return stepResult(step, child);
}

/** A step ready to run: its workspace, and the environment the runner gives it. */
export interface PreparedStep {
  workspace: string;
  env: Record<string, string>;
}

/** The step's files (event, outputs, summary) in a fresh folder, and its environment. */
export function prepareStep(options: WorkflowStep): PreparedStep {
  const dir = mkdtempSync(join(tmpdir(), 'ab-verdict-action-'));
  const workspace = options.cwd ?? makeDir(join(dir, 'workspace'));
  const file = (name: string, content = '') => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const eventName = options.eventName ?? 'pull_request';
  const event =
    options.event ??
    (eventName === 'pull_request'
      ? pullRequestEvent(options.fake.state, 1)
      : plainEvent(options.fake.state));
  const env: Record<string, string> = {
    ...passedThrough(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'fake-runner',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: makeDir(join(dir, 'runner-temp')),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify(event)),
    GITHUB_ACTION: 'ab-verdict',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'ab-verdict',
    GITHUB_OUTPUT: file('output'),
    GITHUB_STEP_SUMMARY: file('step-summary.md'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path'),
    GITHUB_STATE: file('state'),
    ...options.run.env,
    ...refEnv(eventName, event, options.run),
  };
  const actionYml = readFileSync(join(REPO, 'action.yml'), 'utf8');
  const inputs = options.inputs ?? {};
  Object.assign(env, inputEnv({ actionYml, inputs, env, event, token: options.run.token }));
  Object.assign(env, options.env);
  return { workspace, env };
}

/** What the step left: its exit status and log, and the outputs and summary it wrote. */
export function stepResult(step: PreparedStep, ended: StepProcess): ActionResult {
  return {
    ...ended,
    outputs: parseOutputFile(readFileSync(step.env.GITHUB_OUTPUT ?? '', 'utf8')),
    summary: readFileSync(step.env.GITHUB_STEP_SUMMARY ?? '', 'utf8'),
    annotations: parseAnnotations(ended.stdout),
    workspace: step.workspace,
  };
}

function passedThrough(): Record<string, string> {
  return Object.fromEntries(
    PASSED_THROUGH.flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

function makeDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
