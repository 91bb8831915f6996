import { explainJsonError } from './json-error.js';

const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;

/** A JSON Lines line without its CR (CRLF files), or undefined when it is blank. */
export function jsonLineText(raw: string): string | undefined {
  const line = raw.charCodeAt(raw.length - 1) === CARRIAGE_RETURN ? raw.slice(0, -1) : raw;
  if (line.length === 0 || (line.charCodeAt(0) <= SPACE && line.trim() === '')) return undefined;
  return line;
}

/** Where a line's JSON broke (`14` or `14:35`) and the message for it. */
export function jsonLineProblem(
  error: unknown,
  line: string,
  lineNumber: number,
): { location: string; message: string } {
  const { reason, offset } = explainJsonError(error, line);
  return {
    location: offset === undefined ? `${lineNumber}` : `${lineNumber}:${offset + 1}`,
    message: `not valid JSON (${reason})`,
  };
}
