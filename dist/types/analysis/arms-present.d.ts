import type { ExperimentConfig } from '../config/experiment-config.js';
import type { SessionTable } from '../records/types.js';
/** Sessions per variant, by name, in the table's order of first appearance. */
export declare function variantCounts(table: SessionTable): Map<string, number>;
/**
 * Stops an analysis that would compare nothing because of a name: an experiment no record
 * belongs to while records of others were read, or a control or treatment no session has while
 * sessions of other variants were read. Either is almost always a typo; reporting 0 against n
 * sessions would pass silently. The message names the closest name present, and all of them.
 * An arm that simply has no sessions yet (no other variant either) is analysed as it is.
 */
export declare function checkArmsPresent(table: SessionTable, config: ExperimentConfig, otherExperiments: Readonly<Record<string, number>>): void;
