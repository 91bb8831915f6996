/** Why and where `JSON.parse` rejected a text. `offset` is a UTF-16 index into the text. */
export interface JsonSyntaxError {
  reason: string;
  offset: number | undefined;
}

/**
 * Turns a `JSON.parse` error into a short reason without V8's quote of the input (which can be
 * long), and the offset of the error: from the message when V8 gives one, else found by scanning.
 */
export function explainJsonError(error: unknown, text: string): JsonSyntaxError {
  // Engines without an iterative parser overflow their stack on absurd nesting.
  if (error instanceof RangeError) return { reason: 'nested too deeply', offset: undefined };
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const reason = message
    .replace(/, (?:\.\.\.)?".*$/s, '')
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .trim();
  return { reason, offset: position === undefined ? syntaxErrorOffset(text) : Number(position) };
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset;) {
    line++;
    lineStart = newline + 1;
    newline = text.indexOf('\n', lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPED = '"\\/bfnrtu';
const HEX_4 = /[0-9a-fA-F]{4}/y;

/** Offset of the first syntax error in `text`, or undefined when it is valid JSON. */
export function syntaxErrorOffset(text: string): number | undefined {
  const scanner = new JsonScanner(text);
  return scanner.scan() ? undefined : scanner.pos;
}

/**
 * A JSON grammar check that builds no values and keeps nesting on an explicit stack, so any depth
 * is fine. Only runs on text that `JSON.parse` already rejected.
 */
class JsonScanner {
  pos = 0;
  /** The closing character expected by each open array or object. */
  private readonly closers: number[] = [];

  constructor(private readonly text: string) {}

  /** True when the text is one JSON value; otherwise `pos` is where it goes wrong. */
  scan(): boolean {
    for (;;) {
      if (!this.value()) return false;
      for (;;) {
        this.skipSpace();
        const closer = this.closers.at(-1);
        if (closer === undefined) return this.pos === this.text.length;
        const char = this.text.charCodeAt(this.pos);
        if (char === closer) {
          this.closers.pop();
          this.pos++;
          continue;
        }
        if (char !== COMMA) return false;
        this.pos++;
        if (closer === CLOSE_BRACE && !this.key()) return false;
        break;
      }
    }
  }

  /** Scans a value; for a non-empty array or object, only its opening and first key. */
  private value(): boolean {
    for (;;) {
      this.skipSpace();
      const char = this.text.charCodeAt(this.pos);
      if (char !== OPEN_BRACE && char !== OPEN_BRACKET) {
        return char === QUOTE ? this.string() : this.literal();
      }
      const closer = char === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      this.pos++;
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) === closer) {
        this.pos++;
        return true;
      }
      this.closers.push(closer);
      if (closer === CLOSE_BRACE && !this.key()) return false;
    }
  }

  private key(): boolean {
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== QUOTE || !this.string()) return false;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== COLON) return false;
    this.pos++;
    return true;
  }

  private string(): boolean {
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const char = this.text.charCodeAt(i);
      if (char === QUOTE) {
        this.pos = i + 1;
        return true;
      }
      if (char < 0x20) return this.failAt(i);
      if (char === BACKSLASH) {
        const escaped = this.text[i + 1];
        if (escaped === undefined || !ESCAPED.includes(escaped)) return this.failAt(i + 1);
        if (escaped === 'u') {
          HEX_4.lastIndex = i + 2;
          if (!HEX_4.test(this.text)) return this.failAt(i + 2);
          i += 4;
        }
        i++;
      }
    }
    return this.failAt(this.text.length);
  }

  private literal(): boolean {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) return false;
    this.pos = NUMBER.lastIndex;
    return true;
  }

  private skipSpace(): void {
    for (;;) {
      const char = this.text.charCodeAt(this.pos);
      if (char !== 0x20 && char !== 0x0a && char !== 0x0d && char !== 0x09) return;
      this.pos++;
    }
  }

  private failAt(offset: number): false {
    this.pos = offset;
    return false;
  }
}
