// 交接班: the outgoing clerk starts the handover, the desk lists what is open (a memo item, a key
// out), the float is counted short and the difference explained, then the outgoing clerk, the
// incoming clerk (their own PIN, then on duty) and the duty manager sign; the page is read-only
// in the book, printable, and the memo item is carried into the next shift. All offline.
import { test, expect, draw } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

const LI = { name: '小李', pin: '1357' };
const WANG = { name: '小王', pin: '2468' };

async function addClerk(page, who) {
  await page.getByTestId('staff-name').fill(who.name);
  await page.getByTestId('staff-pin').fill(who.pin);
  await page.getByTestId('staff-pin2').fill(who.pin);
  await page.getByTestId('staff-add').click();
  await expect(page.getByTestId('staff-list')).toContainText(who.name);
}

test('a shift is handed over with two clerks and the duty manager signing, offline', async ({ page, context, app, shell }, testInfo) => {
  test.setTimeout(90_000);
  await shell.open('/staff');
  await addClerk(page, LI);
  await addClerk(page, WANG);
  await shell.goTo('settings');
  await page.getByTestId('ho-float').fill('500');
  await page.getByTestId('ho-float').press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: '设置已保存' })).toBeVisible();
  // A key out on this shift.
  await page.goto(app.url + '/keys/new');
  await page.getByTestId('key-label').fill('配电房');
  await page.getByTestId('key-opens').selectOption('plant_room');
  await page.getByTestId('key-save').click();
  await page.getByTestId('key-borrower-staff').click();
  await page.getByTestId('key-loan-name').fill('刘师傅');
  await page.getByTestId('key-loan-reason').fill('检修');
  await draw(page, 'key-lend-sig');
  await page.getByTestId('key-lend-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '钥匙已借出' })).toBeVisible();
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('lock-button').click();
  await shell.signIn(LI.name, LI.pin);
  await shell.goTo('home');
  await shell.addMemo('3号楼电梯明早维保,通知住户');

  // The outgoing clerk starts it: what the desk knows is listed.
  await shell.goTo('handover');
  await page.getByTestId('ho-start').click();
  await expect(page.getByTestId('ho-stage')).toHaveText('清点中');
  await expect(page.getByTestId('ho-section-keys_out')).toBeVisible();
  const memo = page.getByTestId('ho-item').filter({ hasText: '3号楼电梯明早维保' });
  await expect(memo).toHaveCount(1);
  const key = page.getByTestId('ho-item').filter({ hasText: '配电房' });
  await expect(key).toContainText('刘**');
  // The list redrawn from now keeps what was already ticked.
  await page.getByTestId('ho-refresh').click();
  await expect(page.getByTestId('toast').filter({ hasText: '清单已刷新' })).toBeVisible();
  // Not signed while anything is unchecked.
  await draw(page, 'ho-sig');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-sign-error')).toContainText('还有 2 项未核对');
  // The float: 4 × 100 + 1 × 50 + 2 × 20 is 10 short of 500; what is typed stays while other
  // things on the page are saved.
  await page.getByTestId('ho-cash-10000').fill('4');
  await page.getByTestId('ho-cash-5000').fill('1');
  await key.getByTestId('ho-note-open').click();
  await key.getByTestId('ho-note').fill('钥匙未见归还,已电话刘师傅');
  await memo.getByTestId('ho-check').click();
  await expect(memo.getByTestId('ho-check')).toHaveAttribute('aria-pressed', 'true');
  await expect(key.getByTestId('ho-note')).toHaveValue('钥匙未见归还,已电话刘师傅');
  await key.getByTestId('ho-note-save').click();
  await page.getByTestId('ho-cash-2000').fill('2');
  await expect(page.getByTestId('ho-cash-10000')).toHaveValue('4');
  await expect(page.getByTestId('ho-cash-diff')).toHaveText('-10.00');
  await page.getByTestId('ho-takings').fill('320');
  await page.getByTestId('ho-cash-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '清点已保存' })).toBeVisible();
  await draw(page, 'ho-sig');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-sign-error')).toContainText('相差 -10.00 元');
  await page.getByTestId('ho-cash-note').fill('垫付快递费 10 元,收据在抽屉');
  await page.getByTestId('ho-cash-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '清点已保存' }).last()).toBeVisible();
  await draw(page, 'ho-sig');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-stage')).toHaveText('交班人已签');
  await expect(page.getByTestId('ho-cash-10000')).toBeDisabled();

  // The incoming clerk, with their own PIN; then on duty.
  await page.reload();
  await shell.signIn(LI.name, LI.pin);
  await expect(page.getByTestId('ho-signer').filter({ hasText: LI.name })).toHaveCount(0);
  await page.getByTestId('ho-signer').filter({ hasText: WANG.name }).click();
  // Nothing unsigned or shaped unlike a PIN costs a try.
  await page.getByTestId('ho-pin').fill('12');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-sign-error')).toHaveText('请先签名');
  await draw(page, 'ho-sig');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-sign-error')).toHaveText('PIN 为 4 到 6 位数字');
  await page.getByTestId('ho-pin').fill('1111');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-sign-error')).toContainText('PIN 不对,还可再试 4 次');
  await page.getByTestId('ho-pin').fill(WANG.pin);
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('ho-stage')).toHaveText('接班人已签');
  await expect(page.getByTestId('clerk-chip')).toContainText(WANG.name);
  // The duty manager: a supervisor.
  await expect(page.getByTestId('ho-signer')).toHaveCount(1);
  await page.getByTestId('ho-signer').click();
  await page.getByTestId('ho-pin').fill('2580');
  await draw(page, 'ho-sig');
  await page.getByTestId('ho-sign-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '交接完成' })).toBeVisible();
  const sheet = page.getByTestId('ho-sheet');
  await expect(sheet.getByTestId('ho-stage')).toHaveText('已交接');
  await expect(sheet.getByTestId('ho-signed')).toHaveCount(3);
  await expect(sheet.getByTestId('ho-noted')).toContainText('钥匙未见归还');
  await expect(sheet.getByTestId('ho-cash-note')).toHaveText('垫付快递费 10 元,收据在抽屉');
  await expect(sheet.getByTestId('ho-check')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.navrail')).toBeHidden();
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('ho-print')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('handover-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // In the book after a reload; the memo is in the next shift's memo, and its next handover.
  await page.reload();
  await shell.signIn(WANG.name, WANG.pin);
  await page.getByTestId('tab-ho-book').click();
  await page.getByTestId('ho-search').fill(WANG.name);
  await expect(page.getByTestId('ho-page')).toHaveCount(1);
  await expect(page.getByTestId('ho-page')).toContainText('小李 → 小王 → 王主管');
  await shell.goTo('home');
  await expect(shell.openMemos().filter({ hasText: '3号楼电梯明早维保' })).toHaveCount(1);
  await shell.goTo('handover');
  await page.getByTestId('ho-start').click();
  await expect(page.getByTestId('ho-item').filter({ hasText: '3号楼电梯明早维保' })).toHaveCount(1);
  await expect(page.getByTestId('ho-item').filter({ hasText: '3号楼电梯明早维保' }).getByTestId('ho-check')).toHaveAttribute('aria-pressed', 'false');
});
