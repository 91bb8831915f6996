/** Argument checks shared by the tests. Bad arguments are caller bugs, so they throw. */
export declare function assertLevel(level: number): void;
export declare function assertCount(name: string, value: number): void;
export declare function allFinite(values: ArrayLike<number>): boolean;
