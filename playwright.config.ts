import { defineConfig } from '@playwright/test';

/**
 * Browser tests run in Debian's Chromium (`apt-get install chromium`), never a downloaded browser.
 * CHROMIUM_PATH points elsewhere if needed. Each spec starts its own headless till on a free port.
 */
// The specs start the bundled host, as installed (e2e/support/till-server.ts); `npm run test:e2e` builds it.
process.env.GMB_TILL_HOST ??= 'built';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // Each screen and dialog is also checked by axe-core, several seconds a page on a busy machine.
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The second reporter prints each skipped test's reason (e.g. no Electron binary on this machine).
  reporter: [['list'], ['./e2e/support/skip-reasons.ts']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    // The till is a touch terminal: every spec runs with touch (Playwright's tap() needs it).
    hasTouch: true,
    locale: 'ru-RU',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
});
