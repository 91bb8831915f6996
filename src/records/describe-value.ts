/** How many characters of a found value a message shows before cutting it off with `…`. */
const SHOWN_CHARS = 40;

/**
 * A value as compact JSON for a message, cut to about 40 characters. Never serialises more than
 * it shows, so a huge or 100,000-deep value costs as little as a small one.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = compactJson(value, SHOWN_CHARS + 1);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/** The kind of a JSON value in plain words: `an array`, `a string`, `null`, … */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'nothing';
  }
}

/**
 * JSON text of `value`, stopping once `budget` characters are written. Every level of nesting
 * writes at least one character, so recursion never goes deeper than `budget`.
 */
function compactJson(value: unknown, budget: number): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, budget));
  if (typeof value !== 'object' || value === null) return String(value ?? null);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length && text.length < budget; i++) {
      text += (i > 0 ? ',' : '') + compactJson(value[i], budget - text.length - 1);
    }
    return `${text}]`;
  }
  let text = '{';
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (text.length >= budget) break;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key.slice(0, budget))}:`;
    text += compactJson(object[key], budget - text.length);
  }
  return `${text}}`;
}
