import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { marked } from 'marked';

const require = createRequire(import.meta.url);
/** GitHub's Markdown style and Mermaid, both from node_modules: the page loads nothing. */
export const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const GITHUB_CSS = readFileSync(
  require.resolve('github-markdown-css/github-markdown-light.css'),
  'utf8',
);

/**
 * A PR comment as GitHub shows it, near enough for a picture: the Markdown as HTML in GitHub's
 * style, at the width of a comment; Mermaid blocks become diagrams once `mermaid.run()` is called
 * with MERMAID_SCRIPT loaded. Alerts (`> [!WARNING]`) stay quotes.
 */
export function commentPage(markdown: string): string {
  const body = (marked.parse(markdown, { async: false }) as string).replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    '<pre class="mermaid">$1</pre>',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<style>${GITHUB_CSS}
body { margin: 0; background: #fff; }
.comment { max-width: 880px; margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; color: #59636e; font: 14px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.markdown-body { padding: 16px; }
</style></head>
<body><div class="comment"><header><b>github-actions</b> bot commented</header>
<article class="markdown-body">${body}</article></div></body></html>`;
}
