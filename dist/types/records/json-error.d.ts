/** Why and where `JSON.parse` rejected a text. `offset` is a UTF-16 index into the text. */
export interface JsonSyntaxError {
    reason: string;
    offset: number | undefined;
}
/**
 * Turns a `JSON.parse` error into a short reason without V8's quote of the input (which can be
 * long), and the offset of the error: from the message when V8 gives one, else found by scanning.
 */
export declare function explainJsonError(error: unknown, text: string): JsonSyntaxError;
/** 1-based line and column of `offset` in `text`. */
export declare function lineAndColumn(text: string, offset: number): {
    line: number;
    column: number;
};
/** Offset of the first syntax error in `text`, or undefined when it is valid JSON. */
export declare function syntaxErrorOffset(text: string): number | undefined;
