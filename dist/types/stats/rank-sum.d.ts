export interface RankSum {
    /** Sum of the treatment values' mid-ranks in the pooled sample (ranks start at 1). */
    readonly rankSumT: number;
    /** Σ(t³ − t) over groups of t tied values; 0 when there are no ties. */
    readonly tieTerm: number;
    /** Number of distinct values in the pooled sample. */
    readonly distinctValues: number;
}
/**
 * Mid-ranks of the pooled sample without building it, one group of equal values at a time in
 * ascending order: counted per value when the values are whole numbers in a range not much wider
 * than the sample (counts, 0/1 outcomes), or when they take few distinct values (rates of a few
 * tool calls, rounded costs); else each arm sorted once (native typed-array sort) and the two
 * walked together. Every walk adds the same terms in the same order.
 */
export declare function rankSum(treatment: ArrayLike<number>, control: ArrayLike<number>): RankSum;
