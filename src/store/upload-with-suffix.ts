import { NameTaken, type ArtifactService } from './artifact-service.js';
import { MAX_NAME_SUFFIX, suffixedName } from './names.js';

/**
 * Uploads under `base`, or `base-2`, `base-3`, … when this run already has the name (a re-run
 * attempt, another job): artifacts are immutable and never deleted, so a new name is the way.
 */
export async function uploadWithSuffix(
  service: ArtifactService,
  base: string,
  dir: string,
  files: string[],
  retentionDays: number | undefined,
  info: (message: string) => void,
): Promise<{ id: number; name: string }> {
  for (let index = 1; index <= MAX_NAME_SUFFIX; index++) {
    const name = suffixedName(base, index);
    try {
      const { id } = await service.upload(name, dir, files, retentionDays);
      return { id, name };
    } catch (error) {
      if (!(error instanceof NameTaken)) throw error;
      info(`this run already has an artifact ${name}; trying the next name`);
    }
  }
  throw new Error(
    `this run already has artifacts ${base} to ${suffixedName(base, MAX_NAME_SUFFIX)}; run the action at most ${MAX_NAME_SUFFIX} times per experiment in one run`,
  );
}
