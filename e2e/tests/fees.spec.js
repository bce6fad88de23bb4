// 物业费: a supervisor sets the rates; a clerk starts billing a unit, takes a payment for the
// months owed (a different amount needs a note) and prints the receipt; the arrears list, a
// reminder and the printed notice; a tenant moving out of a unit that owes is refused a pass;
// a unit in custody flagged for a reading over the limits; the day's takings. Offline.
import fs from 'node:fs';
import { test, expect } from './fixtures.js';
import { xlsx } from './spreadsheets.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

const ROSTER = [
  ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '身份', '联系电话'],
  ['3', '1', '502', '100', '张伟', '业主', '13800138000'],
  ['5', '2', '1201', '120', '刘洋', '租户', '13712345678'],
];

// The first day of last month, in China (the desk's calendar): billing from there owes two
// whole months, whatever today is.
function lastMonthStart() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date()).split('-').map(Number);
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${py}-${String(pm).padStart(2, '0')}-01`;
}

async function startBilling(page, unit) {
  await page.getByTestId('tab-fee-collect').click();
  await page.getByTestId('fee-unit').fill(unit);
  await page.getByTestId('fee-look').click();
  await expect(page.getByTestId('fee-not-billed')).toBeVisible();
  await page.getByTestId('fee-from').fill(lastMonthStart());
  await page.getByTestId('fee-start-billing').click();
  await expect(page.getByTestId('fee-month')).toHaveCount(2);
}

test('rates set, a unit billed and paid with a printed receipt, arrears reminded and a notice printed, a pass refused while fees are owed, custody flagged, offline', async ({ page, context, app, shell }, testInfo) => {
  test.setTimeout(120_000);
  await shell.open('/residents/import');
  await page.getByTestId('import-file').setInputFiles({ name: '住户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(ROSTER) });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText('房屋新增 2');
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.goto(app.url + '/fees').catch(() => {});
  await shell.signIn();

  // No rates yet: the unit cannot be counted, and says why.
  await page.getByTestId('tab-fee-rates').click();
  await expect(page.getByTestId('rt-none')).toBeVisible();
  await page.getByTestId('rt-from').fill('2026-01');
  await page.getByTestId('rt-residential').fill('1.505');
  await page.getByTestId('rt-shop').fill('5');
  await page.getByTestId('rt-office').fill('4');
  await page.getByTestId('rt-fixed').first().fill('垃圾清运费');
  await page.getByTestId('rt-fixed-amount').first().fill('10');
  await page.getByTestId('rt-save').click();
  await expect(page.getByTestId('rt-error')).toContainText('住宅物业费');
  await page.getByTestId('rt-residential').fill('1.50');
  await page.getByTestId('rt-save').click();
  await expect(page.getByTestId('rt-row')).toHaveCount(1);
  await expect(page.getByTestId('rt-row')).toContainText('垃圾清运费 10.00');
  // Next time the form starts from the rates in force.
  await page.reload();
  await shell.signIn();
  await expect(page.getByTestId('rt-residential')).toHaveValue('1.50');
  await expect(page.getByTestId('rt-fixed').first()).toHaveValue('垃圾清运费');

  // 100 m² at 1.50 + 0.30 元, and 10 元 of refuse collection: 190 元 a month, two months.
  await startBilling(page, '3-1-502');
  await expect(page.getByTestId('fee-owed')).toHaveText('欠费 2 个月 · 合计 380.00 元');
  await expect(page.getByTestId('fee-due')).toHaveText('应收 380.00 元');
  await shell.screenshot(testInfo, 'fee-status');
  // A different amount needs a note.
  await page.getByTestId('fee-amount').fill('370');
  await page.getByTestId('fee-method-wechat').click();
  await page.getByTestId('fee-payer').fill('张伟');
  await page.getByTestId('fee-pay').click();
  await expect(page.getByTestId('fee-pay-error')).toHaveText('应收 380.00 元;实收金额不同时请在备注写明原因');
  await page.getByTestId('fee-amount').fill('');
  await page.getByTestId('fee-pay').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已收款' })).toBeVisible();
  await expect(page.getByTestId('fee-receipt-no')).toHaveText(/^SF\d{8}-[3-9A-Z]{4}$/);
  await expect(page.getByTestId('fee-receipt-upper')).toHaveText('人民币 叁佰捌拾元整');
  await expect(page.getByTestId('fee-receipt-amount')).toHaveText('¥380.00');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('fee-receipt-sheet')).toBeVisible();
  await expect(page.getByTestId('fee-print')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('receipt-print.png') });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(app.url + '/fees?unit=3-1-502').catch(() => {});
  await shell.signIn();
  await expect(page.getByTestId('fee-owed')).toHaveText('没有欠费。');
  await expect(page.getByTestId('fee-month-state')).toHaveText(['已缴', '已缴']);
  // The next month is offered; the months paid cannot be paid again.
  await page.getByTestId('fee-first').fill(lastMonthStart().slice(0, 7));
  await expect(page.getByTestId('fee-due')).toContainText('已经缴过');

  // A second unit owes: the arrears list, a reminder, the notice, the CSV.
  await startBilling(page, '5-2-1201');
  await page.getByTestId('tab-fee-arrears').click();
  const row = page.getByTestId('fee-owing');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('fee-owing-unit')).toHaveText('5-2-1201');
  await expect(row.getByTestId('fee-owing-amount')).toHaveText('452.00 元');
  await expect(row.getByTestId('fee-last-reminder')).toContainText('未催缴');
  await row.getByTestId('fee-remind-open').click();
  await row.getByTestId('fee-remind').click();
  await expect(row.getByTestId('fee-remind-error')).toContainText('请选择催缴方式');
  await row.getByTestId('fee-how-call').click();
  await row.getByTestId('fee-answer').fill('下周一来交');
  await row.getByTestId('fee-remind').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已登记催缴' })).toBeVisible();
  await expect(page.getByTestId('fee-owing').getByTestId('fee-last-reminder')).toContainText('电话 · 下周一来交');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fee-arrears-csv').click()]);
  const csvFile = testInfo.outputPath('arrears.csv');
  await download.saveAs(csvFile);
  const csv = fs.readFileSync(csvFile, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('房号,欠费月数');
  expect(csv).toContain('5-2-1201,2,');
  expect(csv).toContain('452.00');
  await page.getByTestId('fee-go-notice').click();
  await expect(page.getByTestId('fee-notice-total')).toHaveText('452.00 元');
  await shell.screenshot(testInfo, 'notice');

  // A tenant moving out of the unit that owes: the pass form says so, and refuses.
  await page.goto(app.url + '/release-passes').catch(() => {});
  await shell.signIn();
  await page.getByTestId('rp-applicant-tenant').click();
  await page.getByTestId('rp-unit').fill('5-2-1201');
  await page.getByTestId('rp-name').fill('刘洋');
  await page.getByTestId('rp-item').nth(0).fill('衣柜');
  await page.getByTestId('rp-qty').nth(0).fill('1');
  await page.getByTestId('rp-reason-moving').click();
  await page.getByTestId('rp-owner').fill('赵六');
  await page.getByTestId('rp-how-phone').click();
  await expect(page.getByTestId('fee-hint')).toContainText('欠费 2 个月 · 452.00 元');
  await page.getByTestId('rp-fees').check();
  await page.getByTestId('rp-submit').click();
  await expect(page.getByTestId('rp-error')).toContainText('该房屋欠物业费 2 个月,合计 452.00 元');

  // Custody: the agreement is needed; a reading over the limits is flagged on the unit.
  await page.goto(app.url + '/fees/custody').catch(() => {});
  await shell.signIn();
  await page.getByTestId('cu-unit').fill('3-1-502');
  await page.getByTestId('cu-water').fill('100');
  await page.getByTestId('cu-power').fill('2000.5');
  await page.getByTestId('cu-start').click();
  await expect(page.getByTestId('cu-error')).toContainText('托管协议');
  await page.getByTestId('cu-agreement').check();
  await page.getByTestId('cu-start').click();
  await expect(page.getByTestId('cu-row')).toHaveCount(1);
  await page.getByTestId('cu-read-water').fill('99');
  await page.getByTestId('cu-read-power').fill('2001');
  await page.getByTestId('cu-read').click();
  await expect(page.getByTestId('cu-read-error')).toContainText('读数比上次还小');
  await page.getByTestId('cu-read-water').fill('106');
  await page.getByTestId('cu-read-power').fill('2010');
  await page.getByTestId('cu-read').click();
  await expect(page.getByTestId('cu-used')).toContainText('6.0 / 9.5');
  await expect(page.getByTestId('cu-used')).toContainText('超出托管用量');
  await shell.screenshot(testInfo, 'custody');
  await page.goto(app.url + '/residents/u/3-1-502').catch(() => {});
  await shell.signIn();
  await expect(page.getByTestId('unit-fees')).toContainText('托管中');
  await expect(page.getByTestId('unit-fees')).toContainText('超出托管用量');

  // The day's takings, after a reload, offline.
  await page.goto(app.url + '/fees/payments').catch(() => {});
  await shell.signIn();
  await expect(page.getByTestId('fee-payment')).toHaveCount(1);
  await expect(page.getByTestId('fee-payment')).toContainText('张*');
  await expect(page.getByTestId('fee-total-by-method')).toHaveText('微信 380.00');
  // The handover's count of the shift's takings sees the fees taken today.
  await page.goto(app.url + '/handover').catch(() => {});
  await shell.signIn();
  await page.getByTestId('ho-start').click();
  await expect(page.getByTestId('fee-day-takings')).toHaveText('物业费今日已收 380.00 元 (微信 380.00)');
});
