/** Characters with a meaning in Markdown or HTML, written as numeric entities instead. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+!|<>~&"'=:-]/g;
/** Control characters and the invisible ones that reorder text (bidi overrides): spoofing aids. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Text from result files made safe for a GitHub comment: no HTML, no Markdown syntax (links,
 * code, emphasis, headings), no @-mentions that ping people or #-references that cross-link
 * issues, no line breaks or pipes that break a table. The text reads the same; only its meaning
 * as markup is gone.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\s*[\r\n\t\u2028\u2029]+\s*/g, ' ')
    .replace(/[@#]/g, (ch) => `${ch}${ZERO_WIDTH_SPACE}`)
    .replace(MARKDOWN_SYNTAX, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** At most `max` characters (code points), with `…` when cut: long strings cannot crowd out the rest. */
export function clampText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Clamped, then escaped: the usual treatment of a name or a sentence from a result file. */
export function escapeClamped(text: string, max: number): string {
  return escapeMarkdown(clampText(text, max));
}

/** Only letters, digits and `_ .%-`, at most `max` of them: for code blocks and charts, where escapes do not work. */
export function plainText(text: string, max: number): string {
  return text.replace(/[^A-Za-z0-9_ .%-]/g, '').slice(0, max);
}
