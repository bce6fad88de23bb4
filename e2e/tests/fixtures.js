// Test fixtures: `app` serves a copy of the release build on its own loopback port for one test
// (so a test can stop the server to go offline, or change the build to deploy a new version),
// `shell` is the page object of the app's frame, and `foreign` counts requests that leave the
// app's origin.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../serve.mjs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

export const SUPERVISOR = { name: '王主管', pin: '2580' };

export class Shell {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }
  // Opens a route and gets past the gate: on first start creates the supervisor, on the lock
  // screen signs in with their PIN.
  async open(route = '/') {
    await this.page.goto(this.url + route);
    await this.signIn();
  }
  async signIn(name = SUPERVISOR.name, pin = SUPERVISOR.pin) {
    const first = this.page.getByTestId('first-run');
    const lock = this.page.getByTestId('lock-screen');
    const top = this.page.locator('.topbar');
    await expect(first.or(lock).or(top)).toBeVisible();
    if (await first.isVisible()) {
      await this.page.getByTestId('fr-name').fill(SUPERVISOR.name);
      await this.page.getByTestId('fr-pin').fill(SUPERVISOR.pin);
      await this.page.getByTestId('fr-pin2').fill(SUPERVISOR.pin);
      await this.page.getByTestId('fr-submit').click();
    } else if (await lock.isVisible()) {
      await this.page.getByTestId('staff-choice').filter({ hasText: name }).click();
      await this.page.getByTestId('pin-input').fill(pin);
      await this.page.getByTestId('pin-submit').click();
    }
    await expect(top).toBeVisible();
  }
  nav(slug) {
    return this.page.getByTestId(`nav-${slug}`);
  }
  // Opens the menu where the navigation folds behind it (portrait), so its links show.
  async openMenu() {
    const menu = this.page.getByTestId('menu-button');
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  // Goes to a module by its link, as a clerk would: through the menu in portrait.
  async goTo(slug) {
    await this.openMenu();
    await this.nav(slug).click();
  }
  async waitForOfflineReady() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
  }
  async addMemo(text) {
    await this.page.getByTestId('memo-input').fill(text);
    await this.page.getByTestId('memo-input').press('Enter');
  }
  openMemos() {
    return this.page.getByTestId('memo-open').getByTestId('memo-item');
  }
  async screenshot(testInfo, name) {
    const file = testInfo.outputPath(`${name}-${testInfo.project.name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  }
}

export const test = base.extend({
  app: async ({}, use) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-dist-'));
    fs.cpSync(DIST, root, { recursive: true });
    const server = await serve(root);
    await use({ ...server, root });
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  },
  foreign: async ({ context, app }, use) => {
    const seen = { all: 0, foreign: [] };
    context.on('request', (req) => {
      seen.all += 1;
      const u = req.url();
      if (!(u.startsWith(app.url + '/') || u.startsWith('data:') || u.startsWith('blob:'))) seen.foreign.push(u);
    });
    await use(seen);
  },
  shell: async ({ page, app }, use) => {
    await use(new Shell(page, app.url));
  },
  // Every test fails on a Content Security Policy violation (Chromium reports each on the
  // console), whatever screen it opened.
  page: async ({ page }, use) => {
    const violations = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    await use(page);
    expect(violations, 'CSP violations').toEqual([]);
  },
});

export { expect };

// Signs on a signature pad with a zigzag stroke, as a finger would.
export async function draw(page, testid) {
  const canvas = page.getByTestId(testid);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 25, box.y + box.height / 2 + (i % 2 ? -20 : 20));
  await page.mouse.up();
}

// A second tablet: a fresh context with the same viewport, language and time zone.
export async function secondTablet(browser, app, testInfo) {
  const { viewport, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ viewport, locale, timezoneId, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  return { context, page, shell: new Shell(page, app.url) };
}

export async function exportFile(page, testInfo, name, { pass = '', scope = 'all', peer = null } = {}) {
  await page.goto(new URL('/exchange', page.url()).href);
  await page.getByTestId('export-scope').selectOption(scope);
  if (peer !== null) await page.getByTestId('export-peer').selectOption({ index: peer });
  await page.getByTestId('export-pass').fill(pass);
  await page.getByTestId('export-pass2').fill(pass);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  await expect(page.getByTestId('export-done')).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^LobbyDesk_.+_[0-9a-f]{8}_\d{8}-\d{4}\.lobbydesk\.json$/);
  const file = testInfo.outputPath(`${name}.json`);
  await download.saveAs(file);
  return file;
}

export async function chooseImport(page, file) {
  await page.goto(new URL('/exchange', page.url()).href);
  await page.getByTestId('exchange-file').setInputFiles(file);
}
