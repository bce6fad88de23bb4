// 钥匙: a key registered, lent to a resident found in the directory with a signature, never lent
// twice, overdue in red on the home screen and the unit's page with a settable clock, taken back
// damaged with what happened, all offline and after a reload.
import { test, expect, draw } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

test('a key is registered, lent with a signature, refused a second time, overdue, and taken back, offline', async ({ page, context, app, shell }) => {
  await page.clock.install({ time: new Date('2026-11-27T09:00:00+08:00') });
  await shell.open('/residents');
  await page.getByTestId('add-resident-open').click();
  await page.getByTestId('ar-unit').fill('3-1-502');
  await page.getByTestId('ar-name').fill('王芳');
  await page.getByTestId('ar-phone').fill('13800138000');
  await page.getByTestId('ar-save').click();
  await expect(page.getByTestId('add-resident')).toHaveCount(0);
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.goto(app.url + '/keys/new').catch(() => {});
  await shell.signIn();

  // The register: a unit's key needs a unit written as the directory writes them.
  await page.getByTestId('key-save').click();
  await expect(page.getByTestId('key-error')).toContainText('请填写钥匙名称');
  await page.getByTestId('key-label').fill('3-1-502 户门');
  await page.getByTestId('key-unit').fill('五楼');
  await page.getByTestId('key-save').click();
  await expect(page.getByTestId('key-error')).toContainText('房号格式如 3-1-502');
  await page.getByTestId('key-unit').fill('3-1-502');
  await page.getByTestId('key-hook').fill('A-12');
  await page.getByTestId('key-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '钥匙已登记' })).toBeVisible();
  await expect(page.getByTestId('key-title')).toHaveText('3-1-502 户门');

  // Lent to the resident, found in the directory; nothing goes out unsigned.
  await page.getByTestId('key-borrower-resident').click();
  await page.getByTestId('key-loan-unit').fill('3-1-502');
  await page.getByTestId('host-lookup').getByRole('button').first().click();
  await expect(page.getByTestId('key-loan-name')).toHaveValue('王芳');
  await expect(page.getByTestId('key-loan-phone')).toHaveValue('13800138000');
  await page.getByTestId('key-loan-reason').fill('忘带钥匙,开门后归还');
  await page.getByTestId('key-loan-due').fill('2026-11-27T10:00');
  await page.getByTestId('key-lend-save').click();
  await expect(page.getByTestId('key-lend-error')).toContainText('请签名');
  await draw(page, 'key-lend-sig');
  await page.getByTestId('key-lend-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '钥匙已借出' })).toBeVisible();
  // Its only copy is out: no second lending.
  await expect(page.getByTestId('key-out')).toContainText('住户 王*');
  await expect(page.getByTestId('key-out')).not.toContainText('13800138000');
  await expect(page.getByTestId('key-lend')).toHaveCount(0);
  await expect(page.getByTestId('key-copies-out')).toHaveText('借出 1 / 1');
  await page.getByTestId('tab-key-register').click();
  await expect(page.getByTestId('key-row').getByTestId('key-state')).toHaveText('已借出');
  await page.getByTestId('key-search').fill('A-12');
  await expect(page.getByTestId('key-row')).toHaveCount(1);

  // Past its time: overdue on the list, the home screen and the unit's page, after a reload.
  await page.clock.setSystemTime(new Date('2026-11-27T10:30:00+08:00'));
  await page.reload();
  await shell.signIn();
  await shell.goTo('home');
  await expect(page.getByTestId('key-overdue-row')).toContainText('3-1-502 户门');
  await expect(page.getByTestId('key-overdue-row')).toContainText('王*');
  await page.goto(app.url + '/residents/u/3-1-502').catch(() => {});
  await shell.signIn();
  await expect(page.getByTestId('unit-keys').getByTestId('key-state')).toHaveText('逾期未还');
  await shell.goTo('keys');
  await page.getByTestId('tab-key-out').click();
  await expect(page.getByTestId('key-out-row').getByTestId('key-late')).toBeVisible();
  await page.getByTestId('key-out-row').getByTestId('key-open').click();

  // Back damaged: what happened is said, and the returner signs.
  await page.getByTestId('key-back-open').click();
  await page.getByTestId('key-cond-damaged').click();
  await page.getByTestId('key-back-save').click();
  await expect(page.getByTestId('key-back-error')).toContainText('钥匙损坏或丢失请写明情况');
  await page.getByTestId('key-back-note').fill('齿口磨损,已通知配钥匙');
  await draw(page, 'key-back-sig');
  await page.getByTestId('key-back-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '钥匙已归还' })).toBeVisible();
  await expect(page.getByTestId('key-out')).toHaveCount(0);
  await expect(page.getByTestId('key-lend')).toBeVisible();
  const loan = page.getByTestId('key-loan');
  await expect(loan).toHaveCount(1);
  await expect(loan).toContainText('损坏 · 齿口磨损,已通知配钥匙');
  // The history masks the borrower.
  await expect(loan).not.toContainText('王芳');
  await shell.goTo('home');
  await expect(page.getByTestId('keys-overdue-card')).toHaveCount(0);
});
