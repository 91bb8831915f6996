/**
 * Whether a Hermes tool call failed, judged from its result the way Hermes' own `batch_runner`
 * counts `tool_stats` failures (`_extract_tool_stats`), so that sessions read from `state.db`
 * and from `trajectories.jsonl` count tool errors alike. A result fails when it is:
 *
 * - JSON whose top-level object has a non-null `error`;
 * - JSON whose object has an object `content` with a non-null `error` (the terminal tool's shape);
 * - JSON whose object has `"success": false`;
 * - empty (`''`, or no content at all);
 * - not JSON, and starts with `Error:` (any case, after leading whitespace).
 *
 * Anything else succeeds: other JSON values (arrays, strings, numbers, `null`) and plain output.
 * Like Python's `json.loads`, the bare constants `NaN`, `Infinity` and `-Infinity` are accepted.
 * One difference: Hermes counts a result of `None` as a success; here no content is empty, a
 * failure (state.db's `content` is NULL only for a result that never came).
 */
export function toolResultFailed(content: unknown): boolean {
  if (content === null || content === undefined) return true;
  if (typeof content !== 'string') return objectFailed(content);
  if (content.startsWith(STRUCTURED)) {
    const decoded = parsePythonJson(content.slice(STRUCTURED.length));
    if (decoded !== NOT_JSON) {
      return typeof decoded === 'string' ? toolResultFailed(decoded) : objectFailed(decoded);
    }
  }
  if (content === '') return true;
  const parsed = parsePythonJson(content);
  return parsed === NOT_JSON ? startsWithError(content) : objectFailed(parsed);
}

/** The checks of a result that is JSON; only an object can fail them. */
function objectFailed(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (Object.hasOwn(value, 'error') && value.error !== null) return true;
  const inner = Object.hasOwn(value, 'content') ? value.content : undefined;
  if (isObject(inner) && Object.hasOwn(inner, 'error') && inner.error !== null) return true;
  return Object.hasOwn(value, 'success') && value.success === false;
}

/**
 * How Hermes' state.db marks structured content (a JSON value, not text) in `messages.content`:
 * the value decoded is judged as Hermes held it in memory.
 */
const STRUCTURED = '\x00json:';

/** Whether a text starts with `error:` in any case, after Python's `str.strip()` whitespace. */
function startsWithError(text: string): boolean {
  let start = 0;
  while (start < text.length && isPythonSpace(text.charCodeAt(start))) start++;
  return text.slice(start, start + 6).toLowerCase() === 'error:';
}

/** Python's `str.isspace()`, which JavaScript's `trim()` does not match exactly. */
function isPythonSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x20) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const NOT_JSON: unique symbol = Symbol('not JSON');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `JSON.parse`, plus Python's non-standard `NaN`, `Infinity` and `-Infinity` (read as null). */
function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!PYTHON_CONSTANT.test(text)) return NOT_JSON;
  }
  try {
    return JSON.parse(replacePythonConstants(text)) as unknown;
  } catch {
    return NOT_JSON;
  }
}

const PYTHON_CONSTANT = /NaN|Infinity/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The text with `NaN`, `Infinity` and `-Infinity` outside strings replaced by `null`. */
function replacePythonConstants(text: string): string {
  let result = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
      }
      continue;
    }
    for (const word of ['-Infinity', 'Infinity', 'NaN']) {
      if (text.startsWith(word, i)) {
        result += `${text.slice(copied, i)}null`;
        i += word.length - 1;
        copied = i + 1;
        break;
      }
    }
  }
  return result + text.slice(copied);
}
