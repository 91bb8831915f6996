// Installs a Node 24 binary (the Action's runtime on GitHub) from the npm registry into
// node_modules/.cache/node24, once, so the tests can prove that dist/ runs under it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const prefix = fileURLToPath(new URL('../node_modules/.cache/node24/', import.meta.url));
const pkg = `node-${process.platform}-${process.arch}`;
const binary = `${prefix}node_modules/${pkg}/bin/node`;

if (!existsSync(binary)) {
  console.log(`installing ${pkg}@24 for the Node 24 test of dist/ …`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@24`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
console.log(`node 24: ${execFileSync(binary, ['--version']).toString().trim()} (${binary})`);
