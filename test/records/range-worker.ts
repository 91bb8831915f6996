import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The CLI's worker entry (src/read-worker.ts) bundled from src/ for `readSessions`' parallel
 * reading (vitest cannot start a worker on TypeScript): the tests run the source under test, not
 * the last build. Written into `dir`.
 */
export async function rangeWorkerScript(dir: string): Promise<string> {
  const outfile = join(dir, 'range-worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/read-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
