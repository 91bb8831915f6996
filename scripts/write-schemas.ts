// Writes the JSON Schemas of schema/ from the zod schemas they come from. A test checks that
// the committed files are what this writes: run `npm run schema` after changing a schema.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { experimentJsonSchema } from '../src/run/experiment-schema.js';

export const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  'schema/experiment.schema.json': experimentJsonSchema,
};

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
