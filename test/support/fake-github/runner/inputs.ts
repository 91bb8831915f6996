import { actionInputDefaults, expandExpressions } from './action-defaults.js';

export interface InputSources {
  /** action.yml's text: its defaults fill the inputs a workflow leaves out. */
  actionYml: string;
  /** What the workflow's `with:` gives, already evaluated. */
  inputs: Record<string, string>;
  /** The step's environment so far, for the `github` context. */
  env: Record<string, string>;
  event: object;
  token: string;
}

/** `INPUT_<NAME>` as the runner sets it: upper-cased, spaces to `_`, dashes kept. */
export function inputEnv(sources: InputSources): Record<string, string> {
  const { env } = sources;
  const context = {
    github: {
      token: sources.token,
      repository: env.GITHUB_REPOSITORY,
      repository_owner: env.GITHUB_REPOSITORY_OWNER,
      run_id: env.GITHUB_RUN_ID,
      run_number: env.GITHUB_RUN_NUMBER,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      head_ref: env.GITHUB_HEAD_REF,
      base_ref: env.GITHUB_BASE_REF,
      event_name: env.GITHUB_EVENT_NAME,
      event: sources.event,
      workspace: env.GITHUB_WORKSPACE,
      actor: env.GITHUB_ACTOR,
      job: env.GITHUB_JOB,
      server_url: env.GITHUB_SERVER_URL,
      api_url: env.GITHUB_API_URL,
    },
  };
  const defaults = Object.entries(actionInputDefaults(sources.actionYml)).map(
    ([name, value]) => [name, expandExpressions(value, context)] as const,
  );
  return Object.fromEntries(
    [...defaults, ...Object.entries(sources.inputs)].map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
}
