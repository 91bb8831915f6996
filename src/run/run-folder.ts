import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Which run a results folder holds: `run.json`, written when the folder is first used. */
export interface RunIdentity {
  experiment: string;
  seed: number;
}

const IDENTITY_FILE = 'run.json';

/**
 * Makes the results folder this run's: creates it and `run.json`, or checks that the run it
 * already holds is this one (same experiment and seed), so that resuming never mixes two
 * schedules in one `sessions.jsonl`. Returns a message when it holds another run.
 */
export async function claimRunFolder(
  out: string,
  identity: RunIdentity,
): Promise<string | undefined> {
  await mkdir(out, { recursive: true });
  const file = join(out, IDENTITY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await writeFile(file, `${JSON.stringify(identity, null, 2)}\n`);
    return undefined;
  }
  let held: Partial<RunIdentity> = {};
  try {
    held = JSON.parse(text) as Partial<RunIdentity>;
  } catch {
    return `${file}: not the JSON this runner writes; choose another --out`;
  }
  if (held.experiment === identity.experiment && held.seed === identity.seed) return undefined;
  return `${out} holds the run of experiment ${JSON.stringify(held.experiment)} with seed ${held.seed}: resume it with the same file and --seed ${held.seed}, or choose another --out`;
}
