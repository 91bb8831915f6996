#!/usr/bin/env node
// A fake agent that tells what it was given: probe.json in its working directory holds its
// arguments, its working directory and its AB_VERDICT_ variables, as the process received them.
import { writeFileSync } from 'node:fs';

const identity = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name.startsWith('AB_VERDICT_')),
);
const probe = { argv: process.argv.slice(2), cwd: process.cwd(), env: identity };
writeFileSync('probe.json', JSON.stringify(probe));
