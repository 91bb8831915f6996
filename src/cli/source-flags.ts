import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../config/parse-inputs.js';
import { parseSourceSettings, type SourceSettings } from '../config/source-settings.js';
import { formatProblem } from '../records/problems.js';
import type { RecordProblem } from '../records/types.js';
import { UsageError } from './usage-error.js';

/** The flags that say how agent logs are read, for `add` and `analyze`. */
export const SOURCE_FLAGS = {
  from: { type: 'string' },
  variant: { type: 'string' },
  'variant-from': { type: 'string' },
  'variant-pattern': { type: 'string' },
  'task-by': { type: 'string' },
  subagents: { type: 'string' },
  scorer: { type: 'string' },
  map: { type: 'string' },
} as const;

export const SOURCE_HELP = `Agent logs (read as they are; see the README for each format):
  --from <format>              auto (default: each file's own format, else session records),
                               claude-code, codex, hermes-batch or hermes-db
  --variant <name>             the variant of every session of the logs, e.g. warm or cold
  --variant-from <source>      or take it from each session: model (the agent's model), path
                               (the log's path) or field:<name> (e.g. field:cwd)
  --variant-pattern <regex>    with --variant-from: the variant is the first group (or the
                               match) of this pattern in it, e.g. 'app-(cold|warm)'
  --task-by <key>              what pairs sessions into tasks: prompt (a hash of the prompt, the
                               same for every agent; default), title, prompt-index or
                               field:<name>
  --subagents <mode>           claude-code: fold (default) or omit sidechains; hermes-db: omit
                               (default) or keep subagent sessions as sessions of their own
  --scorer <name>              inspect: the scorer whose value is success, when the eval has
                               several (C/I, 1/0, true/false)`;

type SourceFlagValues = { [K in keyof typeof SOURCE_FLAGS]?: string };

/** The source flags checked; a mistake is a usage error of `command`. `--map` may name a file. */
export async function sourceSettings(
  values: SourceFlagValues,
  command: string,
  cwd: string,
): Promise<SourceSettings> {
  const map = values.map === undefined ? undefined : await mapBlock(values.map, cwd, command);
  try {
    return parseSourceSettings({
      from: values.from,
      variant: values.variant,
      variantFrom: values['variant-from'],
      variantPattern: values['variant-pattern'],
      taskBy: values['task-by'],
      subagents: values.subagents,
      scorer: values.scorer,
      map,
    });
  } catch (error) {
    if (error instanceof ConfigError)
      throw new UsageError(error.messages.join('\nab-verdict: '), command);
    throw error;
  }
}

/** `--map` takes YAML or JSON inline (a line with `: ` or `{`), or the path of a file of it. */
async function mapBlock(
  value: string,
  cwd: string,
  command: string,
): Promise<{ text: string; origin: string }> {
  if (value.includes('\n') || value.trim().startsWith('{') || /:\s/.test(value)) {
    return { text: value, origin: 'inline' };
  }
  try {
    return { text: await readFile(resolve(cwd, value), 'utf8'), origin: value };
  } catch (error) {
    throw new UsageError(
      `--map: expected a mapping (YAML or JSON) or the path of a file of one, cannot read ${JSON.stringify(value)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      command,
    );
  }
}

/** Warnings of the readers (prompts without a run, …), printed on stderr. */
export function printWarnings(
  warnings: readonly RecordProblem[],
  stderr: (text: string) => void,
): void {
  if (warnings.length === 0) return;
  stderr(warnings.map((warning) => `warning: ${formatProblem(warning)}`).join('\n') + '\n');
}
