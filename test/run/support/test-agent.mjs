#!/usr/bin/env node
// A fake agent for the runner's tests: each flag is one behaviour a real command can have.
//   --probe             write probe.json (argv, cwd, the AB_VERDICT_ variables) in the working directory
//   --exit <code>       exit with this code, writing no result
//   --fail-once <code>  the first attempt of each session exits with the code; later ones succeed
//   --hang              start a child in the same process group (its pid in ../child.pid), then never end
//   --ignore-term       with --hang: ignore SIGTERM
//   --copy <files...>   copy these files (real agent logs) into ./logs/, then exit 0
//   --print <file>      print the file (an agent's real output) on stdout
//   --result <json>     write this text as the result file
//   --sleep <ms>        wait first
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

const args = process.argv.slice(2);
const value = (flag) => args[args.indexOf(flag) + 1];
const env = process.env;

if (args.includes('--sleep')) await sleep(Number(value('--sleep')));
if (args.includes('--probe')) {
  const identity = Object.fromEntries(
    Object.entries(env).filter(([name]) => name.startsWith('AB_VERDICT_')),
  );
  const probe = { argv: process.argv.slice(2), cwd: process.cwd(), env: identity };
  writeFileSync('probe.json', JSON.stringify(probe));
}
if (args.includes('--exit')) process.exit(Number(value('--exit')));
if (args.includes('--fail-once')) {
  const marker = join(env.FAIL_ONCE_DIR, encodeURIComponent(env.AB_VERDICT_SESSION_ID));
  if (!existsSync(marker)) {
    writeFileSync(marker, '');
    process.exit(Number(value('--fail-once')));
  }
}
if (args.includes('--hang')) {
  if (args.includes('--ignore-term')) process.on('SIGTERM', () => {});
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  writeFileSync(join('..', 'child.pid'), String(child.pid));
  setInterval(() => {}, 1000);
}
if (args.includes('--copy')) {
  mkdirSync('logs');
  for (const file of args.slice(args.indexOf('--copy') + 1)) {
    copyFileSync(file, join('logs', basename(file)));
  }
}
if (args.includes('--print')) process.stdout.write(readFileSync(value('--print')));
if (args.includes('--result')) writeFileSync(env.AB_VERDICT_RESULT, value('--result'));
