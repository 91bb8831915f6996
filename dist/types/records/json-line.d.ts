/** A JSON Lines line without its CR (CRLF files), or undefined when it is blank. */
export declare function jsonLineText(raw: string): string | undefined;
/** Where a line's JSON broke (`14` or `14:35`) and the message for it. */
export declare function jsonLineProblem(error: unknown, line: string, lineNumber: number): {
    location: string;
    message: string;
};
