/** Deepest nesting kept in a record's extra fields; deeper values could not be written back out. */
export declare const MAX_NESTING = 100;
/** Whether `value` nests at most `limit` levels of arrays and objects. Iterative: no stack overflow. */
export declare function nestsWithin(value: unknown, limit: number): boolean;
