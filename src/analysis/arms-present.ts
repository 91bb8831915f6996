import type { ExperimentConfig } from '../config/experiment-config.js';
import { didYouMean } from '../config/did-you-mean.js';
import { ConfigError } from '../config/parse-inputs.js';
import type { SessionTable } from '../records/types.js';

/** Sessions per variant, by name, in the table's order of first appearance. */
export function variantCounts(table: SessionTable): Map<string, number> {
  const names = table.labels('variant');
  const codes = table.codes('variant');
  const counts = new Map<string, number>();
  for (let r = 0; r < table.size; r++) {
    const name = names[codes[r]!];
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/**
 * Stops an analysis that would compare nothing because of a name: an experiment no record
 * belongs to while records of others were read, or a control or treatment no session has while
 * sessions of other variants were read. Either is almost always a typo; reporting 0 against n
 * sessions would pass silently. The message names the closest name present, and all of them.
 * An arm that simply has no sessions yet (no other variant either) is analysed as it is.
 */
export function checkArmsPresent(
  table: SessionTable,
  config: ExperimentConfig,
  otherExperiments: Readonly<Record<string, number>>,
): void {
  const experiments = Object.keys(otherExperiments);
  if (table.size === 0 && config.experiment !== undefined && experiments.length > 0) {
    throw new ConfigError([
      `--experiment: no record belongs to experiment ${JSON.stringify(config.experiment)}${didYouMean(config.experiment, experiments)}; the records read are of ${listed(otherExperiments)}`,
    ]);
  }
  const counts = variantCounts(table);
  const present = [...counts.keys()];
  const messages = (['control', 'treatment'] as const)
    .filter((arm) => !counts.has(config[arm]))
    .filter(() => present.some((name) => name !== config.control && name !== config.treatment))
    .map(
      (arm) =>
        `--${arm}: no session has variant ${JSON.stringify(config[arm])}${didYouMean(config[arm], present)}; the variants present are ${listed(Object.fromEntries(counts))}`,
    );
  if (messages.length > 0) throw new ConfigError(messages);
}

function listed(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([name, n]) => `${name} (${n})`)
    .join(', ');
}
