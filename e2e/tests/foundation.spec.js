// The foundation, as a clerk meets it: the shell at both tablet sizes, the installable offline
// app, a record kept through offline reloads, the language switch, and the update prompt.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.js';

const MODULES = ['home', 'visitors', 'parcels', 'inspections', 'work-orders', 'complaints', 'contacts',
  'handover', 'keys', 'release-passes', 'residents', 'reports', 'settings'];

test('the shell shows every module, fits the tablet and has large touch targets', async ({ page, shell }, testInfo) => {
  await shell.open();
  await expect(page.locator('.brand')).toContainText('物业前台');
  await expect(page.getByTestId('online-status')).toHaveText('在线');
  for (const m of MODULES) {
    const link = shell.nav(m);
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect(box.height, `${m} link height`).toBeGreaterThanOrEqual(44);
    expect(box.width, `${m} link width`).toBeGreaterThanOrEqual(44);
  }
  for (const b of await page.locator('button:visible').all()) {
    const box = await b.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shell.screenshot(testInfo, 'home');

  // A module not built yet says so plainly.
  await shell.nav('complaints').click();
  await expect(page.getByTestId('not-built')).toContainText('此模块尚未建成');
  await expect(page.getByTestId('not-built')).toContainText('有效投诉与沟通性投诉');
  await expect(shell.nav('complaints')).toHaveAttribute('aria-current', 'page');
});

test('the manifest, icons and service worker are in place', async ({ page, shell }) => {
  await shell.open();
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=manifest]').href;
    return (await fetch(href)).json();
  });
  expect(manifest.name).toContain('LobbyDesk');
  expect(manifest.short_name).toBe('物业前台');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const res = await page.request.get(shell.url + icon.src);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  await shell.waitForOfflineReady();
  const sw = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('lobbydesk-')));
    const cached = (await cache.keys()).map((r) => new URL(r.url).pathname);
    return { script: reg.active.scriptURL, cached };
  });
  expect(sw.script).toBe(shell.url + '/sw.js');
  expect(sw.cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));
  expect(sw.cached.some((p) => /_bg\.wasm$/.test(p))).toBe(true);
  await page.goto(shell.url + '/settings');
  await expect(page.getByTestId('sw-state')).toContainText('离线缓存已就绪');
});

test('after one visit the app opens offline, and a memo saved offline survives reloads', async ({ page, context, app, shell }, testInfo) => {
  await shell.open();
  await shell.waitForOfflineReady();

  // The network goes: the server is gone and the browser is offline.
  await app.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.brand')).toContainText('物业前台');
  await expect(page.getByTestId('online-status')).toHaveText('离线');

  await shell.addMemo('离线时记下:2号楼电梯维保 14:00');
  await expect(shell.openMemos().filter({ hasText: '2号楼电梯维保' })).toHaveCount(1);
  await expect(page.getByTestId('memo-input')).toHaveValue('');

  await page.reload();
  await expect(shell.openMemos().filter({ hasText: '2号楼电梯维保' })).toHaveCount(1);

  // Every screen opens offline, deep links too.
  await page.goto(app.url + '/settings');
  await expect(page.getByTestId('storage-card')).toBeVisible();
  await page.goto(app.url + '/complaints');
  await expect(page.getByTestId('not-built')).toBeVisible();
  await page.goto(app.url + '/inspections');
  await expect(page.getByTestId('insp-start-form')).toBeVisible();
  await page.goto(app.url + '/exchange');
  await expect(page.getByTestId('export-card')).toBeVisible();
  await page.goto(app.url + '/parcels/shelf');
  await expect(page.getByText('货架上没有快递。')).toBeVisible();
  await shell.screenshot(testInfo, 'offline-parcels');

  // Marking it done moves it to the done list, still offline.
  await page.goto(app.url + '/');
  await shell.openMemos().filter({ hasText: '2号楼电梯维保' }).getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('memo-done').getByTestId('memo-item')).toContainText('2号楼电梯维保');
  await expect(shell.openMemos()).toHaveCount(0);
});

test('an empty memo is refused with a message and nothing is saved', async ({ page, shell }) => {
  await shell.open();
  await shell.addMemo('   ');
  await expect(page.getByTestId('memo-error')).toHaveText('请先写下备忘内容。');
  await expect(page.getByTestId('memo-input')).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(page.getByText('没有未完成的备忘。')).toBeVisible();
  await expect(shell.openMemos()).toHaveCount(0);
});

test('no request ever leaves the app origin', async ({ page, shell, foreign }) => {
  await shell.open();
  await shell.waitForOfflineReady();
  await shell.addMemo('检查外部请求');
  await expect(shell.openMemos()).toHaveCount(1);
  for (const m of MODULES) {
    await shell.nav(m).click();
  }
  await page.getByTestId('lang-toggle').click();
  await page.reload();
  await expect(page.locator('.topbar')).toBeVisible();
  console.log(`requests: ${foreign.all} in all, ${foreign.foreign.length} to other origins`);
  expect(foreign.all).toBeGreaterThan(5);
  expect(foreign.foreign).toEqual([]);
});

test('the language switch changes every label and persists across reloads', async ({ page, shell }, testInfo) => {
  await shell.open();
  await expect(shell.nav('visitors')).toHaveText('访客');
  await page.getByTestId('lang-toggle').click();
  await expect(shell.nav('visitors')).toHaveText('Visitors');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('online-status')).toHaveText('Online');
  await page.reload();
  await expect(shell.nav('visitors')).toHaveText('Visitors');
  await expect(page.getByRole('heading', { name: 'Memo' })).toBeVisible();
  await shell.screenshot(testInfo, 'home-en');
  await shell.nav('settings').click();
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true');
  await expect(shell.nav('visitors')).toHaveText('访客');
  await page.getByTestId('lang-toggle').click();
  await expect(shell.nav('visitors')).toHaveText('Visitors');
  await page.getByTestId('lang-toggle').click();
  await expect(shell.nav('visitors')).toHaveText('访客');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('settings show storage, and the person on duty signs new memos', async ({ page, shell }, testInfo) => {
  await shell.open('/settings');
  await expect(page.getByTestId('persist-state')).toBeVisible();
  await expect(page.getByTestId('storage-used')).toContainText(/B$/);
  await expect(page.getByTestId('storage-available')).toContainText(/B$/);
  await expect(page.getByTestId('clerk-chip')).toContainText('王主管');
  await shell.screenshot(testInfo, 'settings');
  await page.reload();
  await expect(page.getByTestId('clerk-chip')).toContainText('王主管');
  await shell.nav('home').click();
  await shell.addMemo('快递柜3号格门坏了');
  await expect(shell.openMemos().first()).toContainText('记录人 王主管');
});

test('a newly deployed build shows a reload prompt and takes over on reload', async ({ page, app, shell }) => {
  await shell.open();
  await shell.waitForOfflineReady();
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  // Deploy: a build whose service worker differs.
  const sw = path.join(app.root, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const LD_VERSION = '([0-9a-f]+)'/, "const LD_VERSION = '$1-next'"));
  await page.reload();
  await expect(page.getByTestId('update-banner')).toBeVisible();
  await page.getByTestId('update-banner').getByRole('button').click();
  await page.waitForLoadState('load');
  await expect(page.locator('.topbar')).toBeVisible();
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  const caches = await page.evaluate(() => caches.keys());
  expect(caches.some((k) => k.endsWith('-next'))).toBe(true);
  expect(before).toBe(app.url + '/sw.js');
});

test('every screen opens at its top, whatever was scrolled on the one before', async ({ page, shell }) => {
  await shell.open('/settings');
  const main = page.locator('#main');
  await main.evaluate((m) => { m.scrollTop = m.scrollHeight; });
  expect(await main.evaluate((m) => m.scrollTop), 'settings are longer than the screen').toBeGreaterThan(100);
  await page.getByTestId('nav-parcels').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await expect.poll(() => main.evaluate((m) => m.scrollTop)).toBe(0);
  await expect(page.getByRole('heading', { name: '快递入库' })).toBeInViewport();
});

test('a clock set back since the tablet was last used holds the retention purge and says so', async ({ page, shell }) => {
  await page.clock.install({ time: new Date('2026-11-27T10:00:00+08:00') });
  await shell.open('/');
  await shell.addMemo('时钟:今天的备忘');
  await expect(shell.openMemos().first()).toContainText('时钟:今天的备忘');
  await expect.poll(() => page.evaluate(() => Number(localStorage.getItem('lobbydesk.wall_seen')))).toBeGreaterThan(0);
  await page.clock.setSystemTime(new Date('2026-11-25T10:00:00+08:00'));
  await page.reload();
  await expect(page.getByTestId('toast').filter({ hasText: '本机时钟比上次使用时早了约 48 小时' })).toBeVisible();
});
