// Bundles the Action (dist/index.js), the CLI (dist/cli.js, with the worker threads of its parallel
// reader in dist/read-worker.js) and the library (dist/lib.js) with
// ncc into self-contained ESM files that run without node_modules, and writes the library's
// types (dist/types/, by tsc). Fails if ncc emits anything it did not expect, so dist/ never
// depends on a file that is not committed.
import ncc from '@vercel/ncc';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const entries = {
  'index.js': 'src/index.ts',
  'cli.js': 'src/cli.ts',
  'read-worker.js': 'src/read-worker.ts',
  'lib.js': 'src/lib.ts',
};
const expectedAssets = new Set(['package.json']);

// Bundle everything first, so a failed build leaves the committed dist/ as it was.
const bundles = new Map();
const licenses = new Map();
for (const [output, input] of Object.entries(entries)) {
  const { code, assets } = await ncc(`${root}${input}`, {
    license: 'licenses.txt',
    quiet: true,
    sourceMap: false,
  });
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'licenses.txt') licenses.set(output, asset.source.toString());
    else if (!expectedAssets.has(name))
      throw new Error(`ncc emitted an unexpected file for ${input}: ${name}`);
  }
  bundles.set(output, code);
}
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
for (const [output, code] of bundles) await writeFile(`${dist}${output}`, code, { mode: 0o755 });
await writeFile(`${dist}package.json`, '{\n  "type": "module"\n}\n');
await writeFile(
  `${dist}licenses.txt`,
  [...licenses]
    .map(([output, text]) => `Licenses of the packages bundled in ${output}:\n\n${text}`)
    .join('\n\n'),
);
// The library's declarations; they import zod's types, as its schemas are zod schemas.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.lib.json`], { stdio: 'inherit' });
console.log(
  `built ${Object.keys(entries)
    .map((name) => `dist/${name}`)
    .join(', ')} and dist/types/`,
);
