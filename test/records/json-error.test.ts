import { describe, expect, it } from 'vitest';
import {
  explainJsonError,
  lineAndColumn,
  syntaxErrorOffset,
} from '../../src/records/json-error.js';

function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`${text} parsed`);
}

describe('syntaxErrorOffset', () => {
  it('finds where a text stops being JSON', () => {
    const cases: Array<[string, number | undefined]> = [
      ['{"a": 1}', undefined],
      [' [1, {"b": [true, false, null, -1.5e3, "x\\u00e9\\n"]}] ', undefined],
      ['{"a": }', 6],
      ['[1, 2,, 3]', 6],
      ['nope', 0],
      ['{"a" 1}', 5],
      ['{"a": 1,}', 8],
      ['{"a": 1', 7],
      ['{"a": 1} x', 9],
      ['"bad \\q escape"', 6],
      ['{a: 1}', 1],
      ['', 0],
    ];
    for (const [text, offset] of cases) expect(syntaxErrorOffset(text), text).toBe(offset);
  });

  it('scans any depth without recursion', () => {
    expect(syntaxErrorOffset('['.repeat(100_000))).toBe(100_000);
    expect(syntaxErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined();
  });
});

describe('explainJsonError', () => {
  it('drops the quoted input from the reason and finds the offset', () => {
    const text = `{"a": ${'1'.repeat(200)} }}`;
    expect(explainJsonError(parseError(text), text)).toEqual({
      reason: 'Unexpected non-whitespace character after JSON',
      offset: 208,
    });
    expect(explainJsonError(parseError('{"a": }'), '{"a": }')).toEqual({
      reason: "Unexpected token '}'",
      offset: 6,
    });
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    const text = '{\n  "a": 1,\n  "b": }\n';
    expect(lineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(text, text.indexOf('}'))).toEqual({ line: 3, column: 8 });
  });
});
