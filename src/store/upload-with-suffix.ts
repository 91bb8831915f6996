import { NameTaken, type ArtifactService } from './artifact-service.js';
import { MAX_NAME_SUFFIX, suffixedName } from './names.js';

export interface UploadOptions {
  retentionDays: number | undefined;
  info: (message: string) => void;
  /**
   * After an upload failed, whether the service holds it after all (a reply lost after the
   * artifact was finalized): its id, or undefined. Without it, a failure is final.
   */
  confirm?: (name: string) => Promise<number | undefined>;
}

/** Uploads that fail for reasons other than a taken name before the last failure is final. */
const FAILED_TRIES = 3;

/**
 * Uploads under `base`, or `base-2`, `base-3`, … when this run already has the name (a re-run
 * attempt, another job, or an upload of this run that never finished): artifacts are immutable
 * and never deleted, so a new name is the way. Readers list every one of the names, so a name
 * left unused changes nothing. A failed upload is checked with `confirm` before it is tried
 * again (the same name first: if it is taken now, the next).
 */
export async function uploadWithSuffix(
  service: ArtifactService,
  base: string,
  dir: string,
  files: string[],
  options: UploadOptions,
): Promise<{ id: number; name: string }> {
  let failures = 0;
  for (let index = 1; index <= MAX_NAME_SUFFIX;) {
    const name = suffixedName(base, index);
    try {
      const { id } = await service.upload(name, dir, files, options.retentionDays);
      return { id, name };
    } catch (error) {
      if (error instanceof NameTaken) {
        options.info(`this run already has an artifact ${name}; trying the next name`);
        index++;
        continue;
      }
      const id = await confirmed(options, name, error);
      if (id !== undefined) return { id, name };
      if (++failures >= FAILED_TRIES) throw error;
      options.info(`the upload of ${name} failed (${messageOf(error)}); trying again`);
    }
  }
  throw new Error(
    `this run already has artifacts ${base} to ${suffixedName(base, MAX_NAME_SUFFIX)}; run the action at most ${MAX_NAME_SUFFIX} times per experiment in one run`,
  );
}

async function confirmed(
  options: UploadOptions,
  name: string,
  failure: unknown,
): Promise<number | undefined> {
  if (!options.confirm) return undefined;
  try {
    const id = await options.confirm(name);
    if (id !== undefined) {
      options.info(
        `the upload of ${name} reported a failure (${messageOf(failure)}), but GitHub holds it: artifact id ${id}`,
      );
    }
    return id;
  } catch (error) {
    options.info(
      `whether the failed upload of ${name} was stored could not be checked: ${messageOf(error)}`,
    );
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
