/** Pads every cell to its column's width (by code points, so ★ and − count as one). */
export declare function alignColumns(rows: string[][]): string[];
