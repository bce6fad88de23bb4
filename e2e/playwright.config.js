// Playwright drives Debian's Chromium (never a downloaded browser) against the release build
// in ../dist, which scripts/test.sh builds once. Every test serves it on its own loopback port.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'landscape', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'portrait', use: { viewport: { width: 800, height: 1280 } } },
  ],
});
