import { createHash } from 'node:crypto';

/** The most `-2`, `-3`, … suffixes one name gets: one per concurrent job or re-run attempt. */
export const MAX_NAME_SUFFIX = 20;
const MAX_SLUG = 80;

/**
 * An experiment id as a name for artifacts and folders: letters, digits, `.`, `_` and `-` only.
 * When that changes the id (or shortens it), a short hash of the id is added, so two experiments
 * never share a store (`warm vs cold` and `warm-vs-cold` differ). A slug never ends in `-<digits>`
 * (a hash is added then too), so `ab-verdict-x-2` is always experiment `x`'s second name and
 * never experiment `x-2`'s first.
 */
export function experimentSlug(experiment: string): string {
  const slug = experiment
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, MAX_SLUG);
  if (slug === experiment && !/-\d+$/.test(slug)) return slug;
  const hash = `h${createHash('sha256').update(experiment).digest('hex').slice(0, 8)}`;
  return slug === '' ? hash : `${slug}-${hash}`;
}

/** `ab-verdict-<experiment>`: the store artifact's base name. */
export function storeArtifactName(experiment: string): string {
  return `ab-verdict-${experimentSlug(experiment)}`;
}

/** `ab-verdict-report-<experiment>`: the report the `post-report` mode fetches. */
export function reportArtifactName(experiment: string): string {
  return `ab-verdict-report-${experimentSlug(experiment)}`;
}

/** The base name for attempt 1, then `<base>-2`, `<base>-3`, … */
export function suffixedName(base: string, index: number): string {
  return index <= 1 ? base : `${base}-${index}`;
}
