/**
 * Text from result files made safe for a GitHub comment: no HTML, no Markdown syntax (links,
 * code, emphasis, headings), no @-mentions that ping people or #-references that cross-link
 * issues, no line breaks or pipes that break a table. The text reads the same; only its meaning
 * as markup is gone.
 */
export declare function escapeMarkdown(text: string): string;
/** At most `max` characters (code points), with `…` when cut: long strings cannot crowd out the rest. */
export declare function clampText(text: string, max: number): string;
/** Clamped, then escaped: the usual treatment of a name or a sentence from a result file. */
export declare function escapeClamped(text: string, max: number): string;
/** Only letters, digits and `_ .%-`, at most `max` of them: for code blocks and charts, where escapes do not work. */
export declare function plainText(text: string, max: number): string;
