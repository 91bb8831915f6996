/**
 * Text from result files made safe for a GitHub comment: no HTML, no Markdown syntax, no
 * @-mentions that ping people, no line breaks or pipes that break a table.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~&"'-]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/@/g, '@\u200b');
}
