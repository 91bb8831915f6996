import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Installed by `npm run ensure-node24` (Linux x64 and arm64): the runtime action.yml asks for. */
export const NODE24 = join(
  REPO,
  'node_modules/.cache/node24/node_modules',
  `node-${process.platform}-${process.arch}`,
  'bin/node',
);

/**
 * Whether the tests of dist/ under Node 24 run: when the binary is there, and always in CI
 * (`.ci/run` installs it and sets AB_VERDICT_REQUIRE_NODE24, so a missing binary fails there).
 * Elsewhere they are skipped, with a message saying how to run them.
 */
export const node24Runs = existsSync(NODE24) || process.env.AB_VERDICT_REQUIRE_NODE24 === '1';

export const NODE24_SKIPPED = `no Node 24 at ${NODE24}: npm run ensure-node24 installs it (Linux x64 and arm64)`;

if (!node24Runs) console.warn(`Node 24 tests skipped: ${NODE24_SKIPPED}`);
