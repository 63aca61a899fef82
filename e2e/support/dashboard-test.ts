import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every dashboard spec's `page`: console errors and uncaught exceptions are collected and must be
 * none when the test ends, whatever it was checking.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'the dashboard logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Chromium logs every non-2xx or failed request as a console error. A test that provokes one on
 * purpose (a 400 for invalid input, an aborted request) takes that one line off the list.
 */
export function expectBrowserLogged(pageErrors: string[], pattern: RegExp): void {
  const index = pageErrors.findIndex((error) => pattern.test(error));
  expect(index, `the browser should have logged ${pattern}`).not.toBe(-1);
  pageErrors.splice(index, 1);
}

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../e2e-artifacts/screenshots');

/** A screenshot of one screen for people to look at (gitignored). */
export async function saveScreenshot(page: Page, screen: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${screen}.png`) });
}

/** Whether the page fits its viewport's width (no sideways scrolling at 1024×768). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
