// Writes the JSON Schemas of schema/ from the zod schemas they come from (each contract's one
// definition). A test and CI check that the committed files are what this writes: run
// `npm run schema` after changing a schema.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import * as z from 'zod';
import { reportSchema } from '../src/analysis/report-types.js';
import { sessionRecordSchema } from '../src/records/schema.js';
import { experimentJsonSchema } from '../src/run/experiment-schema.js';

export const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  'schema/session-record.schema.json': () => jsonSchemaOf(sessionRecordSchema),
  'schema/report.schema.json': () => jsonSchemaOf(reportSchema),
  'schema/experiment.schema.json': experimentJsonSchema,
};

/**
 * A zod schema as JSON Schema (draft 2020-12). Objects stay open (`io: 'input'`): the contracts
 * say fields may be added. A check zod cannot express (a `z.custom`) whose metadata does not say
 * it either comes out as `{}`, accepting anything: that is an error, not a schema.
 */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const open = openProperties(json);
  if (open.length > 0) {
    throw new Error(`no JSON Schema for ${open.join(', ')}: give its z.custom .meta({ type, … })`);
  }
  return json as Record<string, unknown>;
}

/** The paths of properties whose schema is `{}`, or has `{}` among its `anyOf`. */
function openProperties(node: unknown, path = ''): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as Record<string, object>)) {
        const options = (property as { anyOf?: object[] }).anyOf ?? [property];
        if (options.some((option) => Object.keys(option).length === 0)) found.push(path + name);
        found.push(...openProperties(property, `${path}${name}.`));
      }
    } else found.push(...openProperties(value, path));
  }
  return found;
}

/** A schema file's text: the JSON Schema as prettier (the lint) lays JSON out. */
export async function schemaText(path: string, schema: Record<string, unknown>): Promise<string> {
  const options = await resolveConfig(path);
  return format(JSON.stringify(schema), { ...options, parser: 'json' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  for (const [path, schema] of Object.entries(SCHEMAS)) {
    const file = new URL(path, root);
    await writeFile(file, await schemaText(fileURLToPath(file), schema()));
    console.log(`wrote ${path}`);
  }
}
