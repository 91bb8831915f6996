import type { ScheduledSession } from './schedule.js';

/** Where one attempt of a session runs and leaves its files. */
export interface SessionPaths {
  /** The command's working directory, of this session alone. */
  workdir: string;
  /** Where the command may write its metrics as one JSON record. */
  result: string;
  stdout: string;
  stderr: string;
}

const PREFIX = 'AB_VERDICT_';

/** The session's identity, as the environment hands it to the command. */
export function identityOf(
  session: ScheduledSession,
  experiment: string,
  paths: SessionPaths,
): Record<string, string> {
  return {
    AB_VERDICT_SESSION_ID: session.sessionId,
    AB_VERDICT_EXPERIMENT: experiment,
    AB_VERDICT_TASK_ID: session.task.id,
    AB_VERDICT_VARIANT: session.variant.name,
    AB_VERDICT_REPETITION: String(session.repetition),
    AB_VERDICT_PROMPT: session.task.prompt,
    AB_VERDICT_CONTEXT_FILE: session.variant.context ?? '',
    AB_VERDICT_RESULT: paths.result,
    AB_VERDICT_WORKDIR: paths.workdir,
  };
}

/**
 * The command's environment: the runner's own without any `AB_VERDICT_` variable (a runner run
 * inside a session must not leak its identity), the variant's `env`, then the identity.
 */
export function sessionEnv(
  base: Readonly<Record<string, string | undefined>>,
  variantEnv: Readonly<Record<string, string>>,
  identity: Readonly<Record<string, string>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !name.startsWith(PREFIX)) env[name] = value;
  }
  return { ...env, ...variantEnv, ...identity };
}

/**
 * The argv of a session: the variant's command and the task's args, each `${AB_VERDICT_…}` in
 * them replaced by the identity's value (there is no shell to expand it). Other text, `$HOME`
 * among it, is passed as it is.
 */
export function sessionArgv(
  session: ScheduledSession,
  identity: Readonly<Record<string, string>>,
): string[] {
  return [...session.variant.command, ...session.task.args].map((arg) =>
    arg.replace(/\$\{(AB_VERDICT_[A-Z_]+)\}/g, (whole, name: string) => identity[name] ?? whole),
  );
}
