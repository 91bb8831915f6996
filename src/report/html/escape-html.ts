/**
 * Text from result files made inert in HTML (element content and quoted attribute values);
 * control characters are dropped.
 */
export function escapeHtml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
  );
}

/** An SVG or HTML number attribute: finite, at most 2 decimals. */
export function px(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}
