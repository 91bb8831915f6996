import * as core from '@actions/core';

/** Appends to the job summary; without a summary file (outside a runner) it only says so. */
export async function writeJobSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`The job summary could not be written: ${(error as Error).message}`);
  }
}
