// 放行条: a tenant moving out applies with the owner's consent and fees cleared, a supervisor
// approves, the pass is printed with its code and QR; at the gate a guard who may do nothing
// else types the code, lets it through once, and a second time it is refused loudly. Offline.
import { test, expect } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

const GUARD = { name: '门岗老张', pin: '4826' };

test('a tenant moving out gets a pass approved, printed, used once at the gate and refused the second time, offline', async ({ page, context, app, shell }, testInfo) => {
  test.setTimeout(90_000);
  await shell.open('/staff');
  await page.getByTestId('staff-name').fill(GUARD.name);
  await page.getByTestId('role-clerk').click();
  await page.getByTestId('role-gate').click();
  await page.getByTestId('staff-pin').fill(GUARD.pin);
  await page.getByTestId('staff-pin2').fill(GUARD.pin);
  await page.getByTestId('staff-add').click();
  await expect(page.getByTestId('staff-list')).toContainText(GUARD.name);
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.goto(app.url + '/release-passes').catch(() => {});
  await shell.signIn();

  // A tenant moving out: the owner's consent and cleared fees are asked for.
  await page.getByTestId('rp-applicant-tenant').click();
  await page.getByTestId('rp-unit').fill('5-2-1202');
  await page.getByTestId('rp-name').fill('李雷');
  await page.getByTestId('rp-phone').fill('13912345678');
  await page.getByTestId('rp-item').nth(0).fill('冰箱');
  await page.getByTestId('rp-qty').nth(0).fill('1');
  await page.getByTestId('rp-item').nth(1).fill('纸箱');
  await page.getByTestId('rp-qty').nth(1).fill('12');
  await page.getByTestId('rp-plate').fill('京A12345');
  await page.getByTestId('rp-gate').fill('北门');
  await page.getByTestId('rp-reason-moving').click();
  await page.getByTestId('rp-submit').click();
  await expect(page.getByTestId('rp-error')).toContainText('租户搬家须有业主同意');
  await expect(page.getByTestId('rp-error')).toContainText('租户搬家须先结清费用');
  await page.getByTestId('rp-owner').fill('韩梅梅');
  await page.getByTestId('rp-how-phone').click();
  await page.getByTestId('rp-fees').check();
  await page.getByTestId('rp-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已登记放行条申请' })).toBeVisible();
  await expect(page.getByTestId('rp-state')).toHaveText('待审批');
  await expect(page.getByTestId('rp-slip')).toHaveCount(0);
  // The supervisor approves; the pass prints with its code and QR.
  await page.getByTestId('rp-approve').click();
  await expect(page.getByTestId('rp-state')).toContainText('已批准');
  const code = (await page.getByTestId('rp-slip-code').textContent()).trim();
  expect(code).toMatch(/^[3-9A-Z]{8}$/);
  await expect(page.getByTestId('rp-slip').locator('svg')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('rp-slip')).toBeVisible();
  await expect(page.getByTestId('rp-pass')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('pass-print.png') });
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('tab-rp-list').click();
  await page.getByTestId('rp-filter-coming').click();
  await expect(page.getByTestId('rp-row')).toHaveCount(1);

  // The gate: a guard who sees only the gate check.
  await page.getByTestId('lock-button').click();
  await shell.signIn(GUARD.name, GUARD.pin);
  await expect(page.getByTestId('refused')).toBeVisible();
  await shell.goTo('home');
  await expect(page.getByTestId('gate-home')).toBeVisible();
  await shell.openMenu();
  await expect(shell.nav('visitors')).toBeHidden();
  await expect(shell.nav('release-passes')).toBeVisible();
  await page.getByTestId('gate-home-go').click();
  await expect(page.getByTestId('tab-rp-apply')).toHaveCount(0);
  await page.getByTestId('rp-gate-code').fill('ZZZZZZZZ');
  await page.getByTestId('rp-look').click();
  await expect(page.getByTestId('rp-gate-error')).toContainText('没有这个放行码');
  // Typed as a guard would: lower case, with a dash.
  await page.getByTestId('rp-gate-code').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await page.getByTestId('rp-gate-code').press('Enter');
  await expect(page.getByTestId('rp-verdict')).toHaveText('有效,可以放行');
  await expect(page.getByTestId('rp-items-shown')).toHaveText('冰箱 × 1、纸箱 × 12');
  await expect(page.getByTestId('rp-plate-shown')).toHaveText('京A12345');
  await page.getByTestId('rp-let-through').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已放行' })).toBeVisible();
  await expect(page.getByTestId('rp-verdict')).toContainText('已经放行过!');
  await expect(page.getByTestId('rp-let-through')).toHaveCount(0);
  // A second time, after a reload: refused loudly, saying when and by whom.
  await page.reload();
  await shell.signIn(GUARD.name, GUARD.pin);
  await page.getByTestId('rp-gate-code').fill(code);
  await page.getByTestId('rp-look').click();
  await expect(page.getByTestId('rp-verdict')).toContainText(`已经放行过!`);
  await expect(page.getByTestId('rp-verdict')).toContainText(GUARD.name);
  await expect(page.getByTestId('rp-verdict')).toHaveClass(/bad/);
  // Nothing else is open to the gate.
  await page.goto(app.url + '/visitors').catch(() => {});
  await shell.signIn(GUARD.name, GUARD.pin);
  await expect(page.getByTestId('refused')).toBeVisible();
});
