// 演示数据: a new supervisor loads the demo set, sees it on the screens, and removes it again
// without touching what the desk entered itself.
import { test, expect } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

test('demo data loads into every screen and is removed again, leaving the desk’s own records', async ({ page, shell }) => {
  await shell.open('/');
  await shell.addMemo('真实备忘:不要删掉我');
  await expect(shell.openMemos()).toHaveCount(1);
  await page.goto(page.url().replace(/\/$/, '') + '/settings');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('demo-status')).toContainText(/已加入 \d+ 条演示记录/);

  await shell.goTo('residents');
  await page.getByTestId('res-search').fill('王');
  await expect(page.getByTestId('resident-list').locator('li').first()).toBeVisible();
  await shell.goTo('inspections');
  await page.getByTestId('tab-insp-log').click();
  await page.getByTestId('ilog-from').fill('2025-01-01');
  await expect(page.getByTestId('ilog-row').first()).toBeVisible();

  await shell.goTo('settings');
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('demo-status')).toContainText(/已删除 \d+ 条演示记录/);
  await shell.goTo('inspections');
  await page.getByTestId('tab-insp-log').click();
  await page.getByTestId('ilog-from').fill('2025-01-01');
  await expect(page.getByTestId('ilog-empty')).toBeVisible();
  await shell.goTo('home');
  await expect(shell.openMemos()).toHaveCount(1);
  await expect(shell.openMemos().first()).toContainText('真实备忘');
});
