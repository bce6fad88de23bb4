// 来电来访: a call logged by keyboard while on the phone, its caller found by phone in the
// directory, not answered on the spot and promised for tomorrow 10:00; the promise on the home
// screen after an offline reload, overdue in red past its time, then kept by the reply.
import { test, expect } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

test('a call not answered on the spot is promised, stays on the home screen offline, turns red when late, and the reply keeps it', async ({ page, context, app, shell }) => {
  await page.clock.install({ time: new Date('2026-11-27T16:00:00+08:00') });
  // The caller is in the directory.
  await shell.open('/residents');
  await page.getByTestId('add-resident-open').click();
  await page.getByTestId('ar-unit').fill('5-2-1202');
  await page.getByTestId('ar-name').fill('李雷');
  await page.getByTestId('ar-phone').fill('13912345678');
  await page.getByTestId('ar-save').click();
  await expect(page.getByTestId('add-resident')).toHaveCount(0);
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.goto(app.url + '/contacts').catch(() => {});
  await shell.signIn();
  // Keyboard only, as on the phone.
  await page.getByTestId('ct-phone').focus();
  let keys = 0;
  const type = async (text) => { await page.keyboard.type(text); keys += [...text].length; };
  const press = async (key) => { await page.keyboard.press(key); keys += 1; };
  await type('13912345678');
  // Found by the phone: name and unit filled in from the directory.
  await expect(page.getByTestId('ct-caller')).toHaveValue('李雷');
  await expect(page.getByTestId('ct-unit')).toHaveValue('5-2-1202');
  await press('Enter'); await press('Enter'); await press('Enter');
  await press('Enter'); // 咨询
  await type('问明天几点停水'); await press('Enter');
  await press('Enter'); // no answer on the spot: leave 当场答复 empty and move on
  await press('Space'); // 不能当场答复
  await press('Enter');
  await page.getByTestId('ct-due').fill('2026-11-28T10:00');
  keys += 1;
  await page.getByTestId('ct-passed').fill('工程部');
  keys += 3;
  await page.getByTestId('ct-passed').press('Enter');
  await page.getByTestId('ct-what').press('Enter');
  keys += 2;
  console.log(`call logged in ${keys} keystrokes (${test.info().project.name})`);
  await expect(page.getByTestId('toast').filter({ hasText: '已登记 李雷 咨询' })).toBeVisible();
  await expect(page.getByTestId('ct-phone')).toHaveValue('');

  // On the home screen, after a reload, offline.
  await page.reload();
  await shell.signIn();
  await shell.goTo('home');
  const row = page.getByTestId('promise-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('2026-11-28 10:00');
  await expect(row).toContainText('答复:问明天几点停水');
  await expect(page.getByTestId('promises-overdue')).toHaveCount(0);
  // Past 10:00 the next day it is overdue, in red.
  await page.clock.setSystemTime(new Date('2026-11-28T10:05:00+08:00'));
  await page.reload();
  await shell.signIn();
  await expect(page.getByTestId('promises-overdue')).toContainText('1 已逾期');
  // The reply, recorded on the call, keeps the promise.
  await row.getByTestId('promise-open').click();
  const call = page.getByTestId('ct-row').first();
  await expect(call.getByTestId('ct-waiting')).toBeVisible();
  await expect(call.getByTestId('ct-promise')).toContainText('2026-11-28 10:00');
  await call.getByTestId('ct-reply-text').fill('已回电:明早 8 点至 12 点停水');
  await call.getByTestId('ct-reply-send').click();
  await expect(page.getByTestId('ct-empty')).toBeVisible();
  // The seventh step: the call back, from the one follow-up list.
  await page.getByTestId('tab-ct-follow-up').click();
  const due = page.getByTestId('fu-row').filter({ hasText: '问明天几点停水' });
  await expect(due).toContainText('已回电');
  await due.getByTestId('fu-save').click();
  await expect(due).toContainText('请选择满意度');
  await due.getByTestId('fu-sat-satisfied').click();
  await due.getByTestId('fu-comment').fill('知道了,谢谢');
  await due.getByTestId('fu-save').click();
  await expect(page.getByTestId('fu-empty')).toBeVisible();
  await shell.goTo('home');
  await expect(page.getByTestId('promise-row')).toHaveCount(0);
  await page.goto(app.url + '/contacts/history').catch(() => {});
  await shell.signIn();
  await page.getByTestId('ct-search').fill('5-2-1202');
  await expect(page.getByTestId('ct-row')).toHaveCount(1);
  await expect(page.getByTestId('ct-reply')).toContainText('已回电');
});

test('a repair call becomes a work order in one tap, and bad input is refused with messages', async ({ page, shell }) => {
  await shell.open('/contacts');
  await page.getByTestId('ct-submit').click();
  await expect(page.getByTestId('ct-error')).toContainText('请记下对方说的内容');
  await page.getByTestId('ct-not-answered').check();
  await page.getByTestId('ct-said').fill('厨房水管漏水');
  await page.getByTestId('ct-submit').click();
  await expect(page.getByTestId('ct-error')).toContainText('要留下对方电话');
  await expect(page.getByTestId('ct-error')).toContainText('请约定答复时间');
  await page.getByTestId('ct-not-answered').uncheck();
  await page.getByTestId('ct-phone').fill('13800138000');
  await page.getByTestId('ct-caller').fill('王芳');
  await page.getByTestId('ct-unit').fill('3-1-502');
  await page.getByTestId('ct-topic').selectOption('repair');
  await page.getByTestId('ct-answer').fill('马上派人');
  await page.getByTestId('ct-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已登记 王芳 报修' })).toBeVisible();
  await page.getByTestId('tab-ct-history').click();
  const call = page.getByTestId('ct-row').first();
  await call.getByTestId('ct-wo-category').selectOption('water');
  await call.getByTestId('ct-to-work-order').click();
  await expect(call.getByTestId('ct-work-order')).toBeVisible();
  await call.getByTestId('ct-work-order').click();
  await expect(page.getByTestId('wo-detail-status')).toHaveText('待派单');
  await expect(page.getByTestId('wo-contact')).toContainText('王芳 13800138000');
  await expect(page.getByTestId('wo-description-shown')).toHaveText('厨房水管漏水');
  // A call about a complaint becomes one, who and what carried over.
  await page.goto(page.url().replace(/\/work-orders.*$/, '/contacts'));
  await shell.signIn();
  await page.getByTestId('ct-phone').fill('13800138000');
  await page.getByTestId('ct-caller').fill('王芳');
  await page.getByTestId('ct-topic').selectOption('complaint');
  await page.getByTestId('ct-said').fill('保安夜里不巡逻');
  await page.getByTestId('ct-answer').fill('已记录,转投诉处理');
  await page.getByTestId('ct-submit').click();
  await page.getByTestId('tab-ct-history').click();
  await page.getByTestId('ct-row').filter({ hasText: '保安夜里不巡逻' }).getByTestId('ct-to-complaint').click();
  await expect(page.getByTestId('cp-what')).toHaveValue('保安夜里不巡逻');
  await expect(page.getByTestId('cp-name')).toHaveValue('王芳');
});
