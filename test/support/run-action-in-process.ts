import * as core from '@actions/core';
import * as github from '@actions/github';
import { defaults as octokitDefaults } from '@actions/github/lib/utils';
import { run } from '../../src/main.js';
import {
  prepareStep,
  stepResult,
  type ActionResult,
  type PreparedStep,
  type WorkflowStep,
} from './run-action.js';

let running = false;

/**
 * Whether a step run here talks to the fake as a child would: @actions/github chose how Octokit
 * connects (through a proxy or not) from this process's environment when it was imported, and a
 * step's environment has no proxy. Where one is set, run steps with runAction.
 */
export const inProcessLikeAChild = !Object.keys(process.env).some((name) =>
  /^https?_proxy$/i.test(name),
);

/**
 * Runs the Action's entry (`run` of src/main.ts) in this process against the fake, as
 * runAction runs the bundle in a child: the same environment, inputs and files, read back the
 * same way. What only a process proves (the bundle, its exit code, Node 24, runs at the same
 * time) stays with runAction; this saves starting Node and the 8 MB bundle for everything else.
 *
 * The step gets exactly the environment and working directory a child would, and what it changes
 * in this process is put back afterwards: process.env, the working directory, the exit code,
 * stdout and stderr (captured as its log), and what the actions toolkit read from the environment
 * once: the github context, the REST API's URL, the job summary's file. Runs cannot overlap, as
 * they share the process. `main` is the step's code: the Action's `run`, or a client of the fake.
 */
export async function runActionInProcess(
  options: WorkflowStep,
  main: () => Promise<void> = run,
): Promise<ActionResult> {
  if (running) throw new Error('runActionInProcess: one run at a time; use runAction to overlap');
  if (!inProcessLikeAChild) throw new Error('runActionInProcess: a proxy is set; use runAction');
  const step = prepareStep(options);
  running = true;
  try {
    const restore = enterStep(step);
    const log = { stdout: '', stderr: '' };
    const release = [
      capture(process.stdout, (text) => (log.stdout += text)),
      capture(process.stderr, (text) => (log.stderr += text)),
    ];
    try {
      await main();
      return stepResult(step, { status: Number(process.exitCode ?? 0), ...log });
    } finally {
      for (const undo of release) undo();
      restore();
    }
  } finally {
    running = false;
  }
}

/** `summary` keeps its file's path from the first write and its text between writes. */
interface SummaryState {
  _filePath?: string;
  _buffer: string;
}

/** Gives the process the step's environment; returns what puts the test's back. */
function enterStep({ env, workspace }: PreparedStep): () => void {
  const saved = {
    cwd: process.cwd(),
    env: { ...process.env },
    exitCode: process.exitCode,
    context: { ...github.context },
    apiUrl: octokitDefaults.baseUrl,
    summary: { ...(core.summary as unknown as SummaryState) },
  };
  const summary = core.summary as unknown as SummaryState;
  if (typeof summary._buffer !== 'string') {
    throw new Error('runActionInProcess: @actions/core summary changed; update SummaryState');
  }
  const restore = () => {
    process.chdir(saved.cwd);
    replaceEnv(saved.env);
    process.exitCode = saved.exitCode;
    Object.assign(github.context, saved.context);
    octokitDefaults.baseUrl = saved.apiUrl;
    summary._filePath = saved.summary._filePath;
    summary._buffer = saved.summary._buffer;
  };
  try {
    process.chdir(workspace);
    replaceEnv(env);
    process.exitCode = undefined;
    // Read from the test's environment when imported: read again from the step's, as a child does.
    const Context = github.context.constructor as new () => typeof github.context;
    Object.assign(github.context, new Context());
    octokitDefaults.baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    summary._filePath = undefined;
    summary._buffer = '';
  } catch (error) {
    restore();
    throw error;
  }
  return restore;
}

function replaceEnv(env: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
}

/** Sends what is written to the stream to `sink` instead; returns what undoes it. */
function capture(stream: NodeJS.WriteStream, sink: (text: string) => void): () => void {
  const own = Object.hasOwn(stream, 'write');
  const write = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof stream.write;
  return () => {
    if (own) stream.write = write;
    else delete (stream as { write?: unknown }).write;
  };
}
