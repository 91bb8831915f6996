import { describe, expect, it } from 'vitest';
import { toolResultFailed } from '../../../src/sources/hermes/tool-result.js';

describe('toolResultFailed: the failure rule of Hermes batch_runner', () => {
  it.each([
    ['JSON with a non-null error', '{"output": "", "error": "command not found"}'],
    ['JSON with an error object', '{"error": {"code": 2}}'],
    ['JSON with a false error (not null)', '{"error": false}'],
    ['an error nested under content', '{"content": {"output": "", "error": "timeout"}}'],
    ['"success": false', '{"success": false, "message": "no such file"}'],
    ['empty content', ''],
    ['no content at all (NULL)', null],
    ['text starting with Error:', 'Error: permission denied'],
    ['any case, after whitespace', '  \n\tERROR: disk full'],
    ['Python whitespace before Error:', '\x1c\x85error: odd spaces'],
    ["Python's NaN in a JSON object with an error", '{"value": NaN, "error": "bad"}'],
    ['structured content with an error', '\x00json:{"error": "x"}'],
    ['structured text starting with Error:', '\x00json:"Error: x"'],
  ])('fails: %s', (_case, content) => {
    expect(toolResultFailed(content)).toBe(true);
  });

  it.each([
    ['JSON with a null error', '{"output": "ok", "error": null, "exit_code": 1}'],
    ['JSON without an error', '{"results": []}'],
    ['a null error nested under content', '{"content": {"output": "x", "error": null}}'],
    ['content that is not an object', '{"content": "error: in a string"}'],
    ['"success": true', '{"success": true}'],
    ['a JSON array', '[{"error": "inside a list is not looked at"}]'],
    ['a JSON string', '"Error: a JSON string is not plain text"'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['plain output', 'total 8\ndrwxr-xr-x 2 root root 4096 .'],
    ['an error later in the text', 'Traceback...\nError: not at the start'],
    ['whitespace only (not empty, as in Hermes)', '   '],
    ["Python's NaN and Infinity without an error", '{"a": NaN, "b": -Infinity, "error": null}'],
    ['NaN inside a string only', '{"note": "NaN", "error": null}'],
    ['a value that is not text', 7],
    ['structured content without an error', '\x00json:[{"type": "text", "text": "hi"}]'],
  ])('succeeds: %s', (_case, content) => {
    expect(toolResultFailed(content)).toBe(false);
  });

  it('reads Infinity inside strings as text, not as a constant', () => {
    expect(toolResultFailed('{"error": "Infinity", "x": NaN}')).toBe(true);
    expect(toolResultFailed('{"msg": "a \\"NaN\\" b", "x": Infinity}')).toBe(false);
  });
});
