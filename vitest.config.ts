import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Files that replace a module with vi.mock need a module registry of their own. */
const MOCKING = ['test/records/read-permission.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Many tests wait on child processes, a loopback server or a browser: a worker more than the
    // cores keeps them busy (3 on a 2-core machine).
    maxWorkers: availableParallelism() + 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: MOCKING,
          // One module registry per worker: importing the sources once per worker instead of once
          // per file. No test here changes a module, or leaves the process's environment changed
          // (runActionInProcess puts back all an Action step changes).
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
