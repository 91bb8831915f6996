import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** What a worker of the parallel reader runs: the range task, as the CLI's entry runs it. */
const ENTRY = `
import { workerData } from 'node:worker_threads';
import { isRangeTask, runRangeTask } from './read-jsonl-parallel.js';

if (isRangeTask(workerData)) await runRangeTask(workerData);
`;

/**
 * A worker script for `readSessions`' parallel reading, bundled from src/ (vitest cannot start a
 * worker on TypeScript): the range task alone starts in a quarter of the CPU time of the CLI's
 * bundle, whose whole CLI loads in every worker, and it is the source under test, not the last
 * build. Written into `dir`.
 */
export async function rangeWorkerScript(dir: string): Promise<string> {
  const outfile = join(dir, 'range-worker.mjs');
  await build({
    stdin: {
      contents: ENTRY,
      loader: 'ts',
      resolveDir: fileURLToPath(new URL('../../src/records', import.meta.url)),
      sourcefile: 'range-worker.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
