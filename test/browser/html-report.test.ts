import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildComment } from '../../src/report/comment.js';
import { renderHtml } from '../../src/report/html/html-report.js';
import { CHROMIUM, hasChromium, withBrowser } from '../support/browser.js';
import { commentPage, MERMAID_SCRIPT } from '../support/comment-page.js';
import { exampleView } from '../support/example-view.js';
import { REPO } from '../support/run-cli.js';

/**
 * The HTML report and the PR comment as a person sees them, in headless Chromium (Debian's
 * chromium, which .ci/run installs). Without it the test is skipped, except in CI (CI=true),
 * where it must run. Screenshots go to AB_VERDICT_SCREENSHOTS (`npm run docs:images` writes
 * docs/), else to a temporary folder.
 */
const inCi = process.env.CI === 'true';
const runs = hasChromium() || inCi;
const shots = resolve(
  REPO,
  process.env.AB_VERDICT_SCREENSHOTS ?? join(tmpdir(), 'ab-verdict-screenshots'),
);

if (!runs) {
  console.warn(
    `browser test skipped: no ${CHROMIUM} (apt-get install chromium to run it; CI must)`,
  );
}

describe.skipIf(!runs)(
  `the reports in headless Chromium${runs ? '' : ` (skipped: no ${CHROMIUM}; apt-get install chromium to run it)`}`,
  () => {
    it('finds Chromium where CI installs it', () => {
      expect(hasChromium(), `no ${CHROMIUM}: .ci/run installs Debian's chromium package`).toBe(
        true,
      );
    });

    it('shows the example report offline, without console errors: verdict, forest plot, lift over the looks, sortable task table', async () => {
      const view = exampleView();
      const dir = mkdtempSync(join(tmpdir(), 'ab-verdict-html-'));
      const file = join(dir, 'report.html');
      writeFileSync(file, renderHtml(view));
      mkdirSync(shots, { recursive: true });

      await withBrowser(async (open) => {
        const { page, errors, requests } = await open(pathToFileURL(file).href);
        expect(await page.locator('#verdict').innerText()).toContain('Adopt: warm');
        const rows = await page.locator('#forest-plot .row').count();
        expect(rows).toBe(view.report.metrics.length);
        expect(await page.locator('#lift-chart polygon.band').count()).toBe(1);
        const table = page.locator('#task-table tbody tr');
        expect(await table.count()).toBe(20);

        await page.screenshot({ path: join(shots, 'report.png') });
        await page.locator('#history').screenshot({ path: join(shots, 'report-history.png') });

        // Sorting by task name puts the rows in that order, and clicking again reverses it.
        const names = () => page.locator('#task-table tbody tr td:first-child').allInnerTexts();
        await page.locator('#task-table th button', { hasText: 'task' }).first().click();
        const ascending = await names();
        expect(ascending).toEqual([...ascending].sort());
        await page.locator('#task-table th button', { hasText: 'task' }).first().click();
        expect(await names()).toEqual([...ascending].reverse());

        expect(errors).toEqual([]);
        expect(requests).toEqual([]);

        const dark = await open(pathToFileURL(file).href, { dark: true });
        const background = await dark.page.evaluate(
          'getComputedStyle(document.body).backgroundColor',
        );
        expect(background).toBe('rgb(13, 17, 23)');
        await dark.page.screenshot({ path: join(shots, 'report-dark.png') });
        const pdf = await dark.page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(dark.errors).toEqual([]);
      });
    });

    it('shows the PR comment with its interval chart, table and Mermaid history', async () => {
      const view = exampleView();
      const dir = mkdtempSync(join(tmpdir(), 'ab-verdict-comment-'));
      const file = join(dir, 'comment.html');
      writeFileSync(file, commentPage(buildComment(view)));
      mkdirSync(shots, { recursive: true });

      await withBrowser(async (open) => {
        const { page, errors, requests } = await open(pathToFileURL(file).href);
        await page.addScriptTag({ path: MERMAID_SCRIPT });
        // The page's code, as a string: the tests are type-checked without the DOM.
        await page.evaluate('window.mermaid.run()');
        expect(await page.locator('pre.mermaid svg').count()).toBe(1);
        expect(await page.locator('table').first().innerText()).toContain('tool_error_rate');
        expect(await page.locator('pre code.language-text').innerText()).toContain('●');
        await page.locator('.comment').screenshot({ path: join(shots, 'comment.png') });
        // Its top, the verdict and the primary metric and guardrails, for the README's first screen.
        const comment = (await page.locator('.comment').boundingBox())!;
        const row = (await page.locator('table').first().locator('tbody tr').nth(2).boundingBox())!;
        await page.screenshot({
          path: join(shots, 'comment-top.png'),
          fullPage: true,
          clip: { ...comment, height: row.y + row.height + 12 - comment.y },
        });
        // The per-task details, opened as a reader would.
        const tasks = page.locator('details', { hasText: 'per task' });
        await tasks.locator('summary').click();
        expect(await tasks.locator('tbody tr').count()).toBe(20);
        await tasks.screenshot({ path: join(shots, 'comment-tasks.png') });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      });
    });
  },
);
