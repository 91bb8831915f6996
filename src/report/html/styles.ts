/** The report's style: light and dark by the reader's setting, and a clean printout. */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --better: #1a7f37; --worse: #cf222e; --none: #59636e; --margin: rgba(9, 105, 218, 0.12);
  --accent: #0969da; --warn-bg: #fff8c5; --warn-line: #d4a72c;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --better: #3fb950; --worse: #f85149; --none: #9198a1; --margin: rgba(56, 139, 253, 0.2);
    --accent: #4493f8; --warn-bg: #272115; --warn-line: #9e6a03;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.muted, .tick, .axis-title { color: var(--muted); fill: var(--muted); }
.verdict { padding: 12px 16px; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); }
.verdict .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-weight: 600;
  color: #fff; background: var(--none); margin-right: 8px; }
.verdict.adopt .badge { background: var(--better); }
.verdict.reject .badge { background: var(--worse); }
.warning { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--warn-line); background: var(--warn-bg); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--panel); position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
.num { text-align: right; white-space: nowrap; }
.mark.win, .better .estimate { color: var(--better); fill: var(--better); }
.mark.loss, .worse .estimate { color: var(--worse); fill: var(--worse); }
.none .estimate { fill: var(--none); }
tr.flipped td:first-child { border-left: 3px solid var(--accent); }
.chart { width: 100%; height: auto; max-width: 900px; display: block; }
.chart text { font-size: 12px; fill: var(--fg); }
.chart .tick, .chart .axis-title { fill: var(--muted); }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .zero { stroke: var(--fg); stroke-width: 1.5; }
.chart .margin { fill: var(--margin); }
.chart .interval { stroke: var(--fg); stroke-width: 2; }
.chart .band { fill: var(--margin); }
.chart .lift { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart .look { fill: var(--accent); }
.wide { overflow-x: auto; }
.scroll { max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  :root { --bg: #fff; --fg: #000; --panel: #f3f3f3; --line: #ccc; color-scheme: light; }
  body { max-width: none; padding: 0; font-size: 11px; }
  .wide { overflow-x: auto; }
.scroll { max-height: none; overflow: visible; border: 0; }
  th { position: static; }
  svg, tr, .verdict { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;
