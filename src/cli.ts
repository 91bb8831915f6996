#!/usr/bin/env node
import { main } from './cli/main.js';

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
