/**
 * Text from result files made inert in HTML (element content and quoted attribute values);
 * control characters are dropped.
 */
export declare function escapeHtml(text: string): string;
/** An SVG or HTML number attribute: finite, at most 2 decimals. */
export declare function px(value: number): string;
