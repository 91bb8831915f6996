import * as z from 'zod';
import { FORMAT_NAMES } from '../config/source-settings.js';

/**
 * The experiment file of `ab-verdict run` (YAML or JSON), as the user writes it: kebab-case keys,
 * paths relative to the file. `schema/experiment.schema.json` is generated from this schema
 * (`npm run schema`), so it has no transforms: `load-experiment.ts` turns it into an `Experiment`.
 */

/** Task ids and variant names become folder names and parts of session ids. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const name = z.string().regex(NAME, {
  error: 'expected letters, digits, ".", "_" or "-", starting with a letter or digit',
});

/** `90` (seconds), or a number with a unit: `90s`, `10m`, `1.5h`. */
export const DURATION = /^\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)$/;
const duration = z.union([
  z.number().positive(),
  z.string().regex(DURATION, { error: 'expected seconds, or a duration like "90s", "10m", "1h"' }),
]);

const taskSchema = z.strictObject({
  id: name.meta({ description: 'The task id: sessions of both variants on it are paired.' }),
  prompt: z.string().min(1).meta({ description: 'Given as AB_VERDICT_PROMPT.' }),
  files: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: "Files or folders copied into each session's working directory." }),
  args: z
    .array(z.string())
    .optional()
    .meta({ description: "Appended to the variant's command for this task." }),
  category: z.string().min(1).optional(),
  difficulty: z.string().min(1).optional(),
});

const variantSchema = z.strictObject({
  command: z.array(z.string().min(1)).min(1).meta({
    description:
      'The program and its arguments, run without a shell: ${AB_VERDICT_…} in an argument is replaced by that variable, an argument starting with ./ or ../ is a path relative to this file.',
  }),
  env: z.record(z.string(), z.string()).optional(),
  context: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'A warm-up context file, handed over as AB_VERDICT_CONTEXT_FILE.' }),
});

const metricsSchema = z.strictObject({
  logs: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).meta({
    description:
      'Where the agent writes its logs: files, folders or globs; relative ones are taken in the session\'s working directory, "~/" in the home directory.',
  }),
  from: z.enum(['auto', ...FORMAT_NAMES]).optional(),
});

/** Analysis settings for the verdict printed after the run, as the flags of `analyze` name them. */
const analysisSchema = z.strictObject({
  primary: z.string().min(1).optional(),
  alpha: z.number().optional(),
  'min-effect': z.union([z.number(), z.string()]).optional(),
  'equivalence-margin': z.union([z.number(), z.string()]).optional(),
  correction: z.enum(['holm', 'bh', 'none']).optional(),
  method: z.enum(['fixed-horizon', 'sequential']).optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
});

export const experimentFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    experiment: z.string().min(1).meta({ description: 'The experiment id, on every record.' }),
    seed: z
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Seed of the schedule (or --seed); part of every session id.' }),
    repetitions: z.int().min(1).optional().meta({ description: 'Per task and variant; 1.' }),
    concurrency: z.int().min(1).optional().meta({ description: 'Sessions at once; 1.' }),
    timeout: duration.optional().meta({ description: 'Per session; 30m.' }),
    retries: z
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Retries of infrastructure failures only; 0.' }),
    'infra-exit-codes': z
      .array(z.int().min(1).max(255))
      .optional()
      .meta({ description: 'Exit codes that mean an infrastructure failure, e.g. [75].' }),
    'timeout-is-infra': z.boolean().optional().meta({
      description: 'Count a timeout as an infrastructure failure (default: an agent failure).',
    }),
    control: name.optional().meta({ description: 'The control variant; default: the first one.' }),
    tasks: z.array(taskSchema).min(1),
    variants: z
      .record(name, variantSchema)
      .refine((variants) => Object.keys(variants).length === 2, {
        error: 'expected exactly two variants: the control and the treatment',
      })
      .meta({
        description: 'Exactly two: the control and the treatment.',
        minProperties: 2,
        maxProperties: 2,
      }),
    metrics: metricsSchema
      .optional()
      .meta({ description: 'Where metrics come from when the command writes no result file.' }),
    analysis: analysisSchema.optional(),
  })
  .meta({ title: 'ab-verdict experiment file', description: 'The input of `ab-verdict run`.' });

export type ExperimentFile = z.infer<typeof experimentFileSchema>;

/** The JSON Schema of the experiment file, as `schema/experiment.schema.json` holds it. */
export function experimentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(experimentFileSchema, { io: 'input' });
}
