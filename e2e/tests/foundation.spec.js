// The foundation, as a clerk meets it: the shell at both tablet sizes, the installable offline
// app, a record kept through offline reloads, the language switch, and the update prompt.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.js';

const MODULES = ['home', 'visitors', 'parcels', 'deposits', 'inspections', 'work-orders', 'complaints', 'contacts',
  'handover', 'keys', 'release-passes', 'fees', 'residents', 'reports', 'settings'];

test('the shell shows every module, fits the tablet and has large touch targets', async ({ page, shell }, testInfo) => {
  await shell.open();
  await expect(page.locator('.brand')).toContainText('物业前台');
  await expect(page.getByTestId('online-status')).toHaveText('在线');
  await shell.openMenu();
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
  await shell.goTo('reports');
  await expect(page.getByTestId('not-built')).toContainText('此模块尚未建成');
  await expect(shell.nav('reports')).toHaveAttribute('aria-current', 'page');
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
  await page.goto(app.url + '/reports');
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
    await shell.goTo(m);
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
  await shell.goTo('settings');
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
  await shell.goTo('home');
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
  await shell.goTo('parcels');
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

// Every screen a clerk or supervisor opens, with what a touch must reach on it.
const SCREENS = ['/', '/visitors', '/visitors/onsite', '/visitors/log', '/parcels', '/parcels/shelf',
  '/parcels/outgoing', '/parcels/today', '/inspections', '/inspections/log', '/inspections/templates',
  '/inspections/schedules', '/work-orders', '/work-orders/list', '/work-orders/follow-up', '/residents',
  '/residents/import', '/settings', '/staff', '/audit', '/exchange', '/complaints', '/complaints/list', '/contacts', '/contacts/history', '/contacts/waiting', '/handover',
  '/complaints/report', '/keys', '/keys/out', '/keys/new', '/deposits', '/deposits/waiting', '/deposits/history', '/handover/book', '/release-passes', '/release-passes/list', '/release-passes/gate',
  '/fees', '/fees/arrears', '/fees/payments', '/fees/custody', '/fees/rates'];

test('every control on every screen is at least 44 px each way', async ({ page, shell }) => {
  test.setTimeout(90_000);
  await shell.open('/settings');
  // With the demo set, so that the lists have rows and their controls show.
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('demo-status')).toContainText(/已加入 \d+ 条演示记录/);
  const small = [];
  for (const route of SCREENS) {
    await page.goto(shell.url + route);
    await expect(page.locator('.topbar')).toBeVisible();
    await page.waitForTimeout(150);
    await shell.openMenu();
    small.push(...await page.evaluate((route) => {
      const out = [];
      const seen = (el) => {
        const r = el.getBoundingClientRect();
        const st = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && st.visibility !== 'hidden';
      };
      for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [role=button], summary')) {
        if (!seen(el) || el.closest('.visually-hidden')) continue;
        // A checkbox or radio is reached through the label around it.
        const target = (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file') && el.closest('label') ? el.closest('label') : el;
        if (target.type === 'file') continue;
        const r = target.getBoundingClientRect();
        if (r.width < 44 || r.height < 44) {
          out.push(`${route} ${el.tagName.toLowerCase()}[${el.dataset.testid || el.textContent.trim().slice(0, 12)}] ${Math.round(r.width)}x${Math.round(r.height)}`);
        }
      }
      return out;
    }, route));
  }
  expect(small).toEqual([]);
});

test('the header fits the portrait width with the install offer, in both languages', async ({ page, shell }) => {
  await shell.open();
  // The browser offers installation.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeinstallprompt', { cancelable: true })));
  await expect(page.getByTestId('install-button')).toBeVisible();
  for (const lang of ['zh', 'en']) {
    const fit = await page.evaluate(() => {
      const bar = document.querySelector('.topbar').getBoundingClientRect();
      const problems = [];
      for (const el of document.querySelectorAll('.topbar button, .topbar .chip, .topbar .brand')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.top < bar.top - 0.5 || r.bottom > bar.bottom + 0.5 || r.left < bar.left - 0.5 || r.right > bar.right + 0.5) problems.push(`${el.textContent} outside`);
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.textContent} cut`);
        if (el.matches('button') && r.height > 56) problems.push(`${el.textContent} wraps`);
      }
      return { height: bar.height, problems };
    });
    expect(fit.problems, lang).toEqual([]);
    expect(fit.height).toBeLessThanOrEqual(64);
    if (lang === 'zh') await page.getByTestId('lang-toggle').click();
  }
});

test('with the on-screen keyboard up, the field being typed in and the form action stay in view', async ({ page, shell }) => {
  const size = page.viewportSize();
  await shell.open('/visitors');
  for (const [route, field, action] of [['/visitors', 'visit-unit', 'visit-submit'], ['/parcels', 'p-unit', 'p-submit']]) {
    await page.goto(shell.url + route);
    await expect(page.locator('.topbar')).toBeVisible();
    await page.setViewportSize(size);
    await page.getByTestId(field).focus();
    // The keyboard takes the lower 40% of the screen.
    await page.setViewportSize({ width: size.width, height: Math.round(size.height * 0.6) });
    await expect(page.getByTestId(field)).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId(field)).toBeFocused();
    await expect(page.getByTestId(action)).toBeInViewport({ ratio: 1 });
  }
  await page.setViewportSize(size);
});
