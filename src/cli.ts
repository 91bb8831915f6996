#!/usr/bin/env node
import { main } from './cli/main.js';
import { enableParallelReading } from './records/read-jsonl-parallel.js';

// Large JSON Lines files are read on worker threads running dist/read-worker.js, beside this file
// (named by replacing this file's name: ncc would take `new URL('./read-worker.js', …)` for an
// asset to copy, and copy the source).
enableParallelReading(new URL(import.meta.url.replace(/[^/]*$/, 'read-worker.js')));
await runCli();

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
