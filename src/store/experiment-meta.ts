import type { ExperimentMeta, StoreManifest } from './format.js';

/** The optional manifest fields that describe an experiment, in the order they are written. */
export const META_FIELDS = [
  'description',
  'prompt',
  'category',
  'difficulty',
  'control',
  'treatment',
  'seed',
] as const satisfies readonly (keyof ExperimentMeta)[];

/** What `create --difficulty` accepts (the seed's levels). */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/** The experiment fields of a manifest (or of anything shaped like one), without absent ones. */
export function metaOf(source: ExperimentMeta): ExperimentMeta {
  const meta: Record<string, unknown> = {};
  for (const field of META_FIELDS) {
    if (source[field] !== undefined) meta[field] = source[field];
  }
  return meta as ExperimentMeta;
}

/**
 * The experiment fields of merged snapshots: each field from the most recently updated manifest
 * that has it (on a tie, the later one in the list), so a description set once is never lost by
 * a merge with snapshots written before it was set, or by a build that does not know it.
 */
export function mergeMeta(manifests: readonly StoreManifest[]): ExperimentMeta {
  const newestFirst = manifests
    .map((manifest, order) => ({ manifest, order, time: Date.parse(manifest.updatedAt) }))
    .sort((a, b) => (b.time || 0) - (a.time || 0) || b.order - a.order);
  const meta: Record<string, unknown> = {};
  for (const field of META_FIELDS) {
    const found = newestFirst.find(({ manifest }) => manifest[field] !== undefined);
    if (found) meta[field] = found.manifest[field];
  }
  return meta as ExperimentMeta;
}
