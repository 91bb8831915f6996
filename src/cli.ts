#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './cli/main.js';
import { enableParallelReading, isRangeTask, runRangeTask } from './records/read-jsonl-parallel.js';

if (!isMainThread && isRangeTask(workerData)) {
  // This bundle, started again as a worker thread to read part of a large JSON Lines file.
  await runRangeTask(workerData);
} else {
  enableParallelReading(new URL(import.meta.url));
  await runCli();
}

async function runCli(): Promise<void> {
  const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
  // A reader that closes the pipe early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: write(process.stdout),
    stderr: write(process.stderr),
  });
}
