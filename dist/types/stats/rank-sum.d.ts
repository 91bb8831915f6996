export interface RankSum {
    /** Sum of the treatment values' mid-ranks in the pooled sample (ranks start at 1). */
    readonly rankSumT: number;
    /** Σ(t³ − t) over groups of t tied values; 0 when there are no ties. */
    readonly tieTerm: number;
    /** Number of distinct values in the pooled sample. */
    readonly distinctValues: number;
}
/**
 * Mid-ranks of the pooled sample without building it: each arm is sorted once (native typed-array
 * sort) and the two are walked together, one group of equal values at a time.
 */
export declare function rankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum;
