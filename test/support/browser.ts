import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package, which .ci/run installs. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether this machine has the browser; CI must, a laptop may not. */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions of the page, in order. */
  errors: string[];
  /** URLs the page asked for besides itself. */
  requests: string[];
}

/**
 * Headless Chromium with a fresh profile (a new --user-data-dir, removed afterwards), `run` given
 * a page that records its errors and requests.
 */
export async function withBrowser<T>(
  run: (open: (url: string, options?: { dark?: boolean }) => Promise<OpenedPage>) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'ab-verdict-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1100, height: 900 },
    });
    const browser = context;
    return await run(async (url, options = {}) => {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        if (request.url() !== url) requests.push(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      return { page, errors, requests };
    });
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
