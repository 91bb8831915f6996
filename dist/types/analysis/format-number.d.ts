/** Numbers as people read them: 3 significant digits, no exponent for everyday sizes. */
export declare function formatNumber(value: number | null | undefined, digits?: number): string;
/** A p-value: `< 0.0001` below that, else 2 significant digits. */
export declare function formatPValue(p: number | null | undefined): string;
/** A relative change as a signed percentage: `-42%`, `+3.1%`. */
export declare function formatPercent(fraction: number | null | undefined, signed?: boolean): string;
/** `p = 0.031`, or `p < 0.0001`, for sentences. */
export declare function pEquals(p: number | null | undefined): string;
