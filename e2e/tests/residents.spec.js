// 客户档案: importing the office's roster, finding residents, and picking them in the visitor form.
import { test, expect } from './fixtures.js';
import { gbkCsv, xlsx } from './spreadsheets.js';

const ROSTER = [
  ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '身份', '联系电话', '车牌号', '车位'],
  ['3', '1', '502', '89.5', '张伟', '业主', '13800138000', '京A12345', 'B-12'],
  ['3', '1', '502', '89.5', '李娜', '家属', '13900139000', '', ''],
  ['5', '2', '1201', '120', '刘洋', '租户', '13712345678', '沪B12345', ''],
  ['6', '1', '101', '', '王五', '业主', '12345', '', ''],
  ['3', '1', '502', '89.5', '张伟', '业主', '13800138000', '', ''],
];

async function importFile(page, name, buffer, mimeType) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByTestId('preview')).toBeVisible();
}

test('import a GBK roster, see the bad rows, find residents by every key, and pick one as a host', async ({ page, context, app, shell }, testInfo) => {
  await shell.open('/residents/import');
  await importFile(page, '住户花名册.csv', gbkCsv(ROSTER), 'text/csv');
  await expect(page.getByTestId('mapping')).toContainText('GBK');
  await expect(page.getByTestId('preview-counts')).toContainText('3 行可导入 · 2 行有问题');
  await expect(page.getByTestId('row-error').nth(0)).toContainText('第 5 行');
  await expect(page.getByTestId('row-error').nth(0)).toContainText('手机为1开头的11位');
  await expect(page.getByTestId('row-error').nth(1)).toContainText('与第 2 行是同一房屋的同一人');
  await shell.screenshot(testInfo, 'import-preview');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText('房屋新增 2');
  await expect(page.getByTestId('import-summary')).toContainText('住户新增 3');

  await page.getByTestId('tab-find').click();
  const search = page.getByTestId('res-search');
  for (const [key, name] of [['3-1-502', '张伟'], ['3栋1单元502', '李娜'], ['张', '张伟'], ['1390013', '李娜'], ['沪B1', '刘洋'], ['5-2', '刘洋']]) {
    await search.fill(key);
    await expect(page.getByTestId('resident-list').getByTestId('resident-name').filter({ hasText: name }), `search ${key}`).toHaveCount(1);
  }
  await search.fill('王五');
  await expect(page.getByText('没有找到住户。')).toBeVisible();

  // The unit page lists its residents; offline too.
  await search.fill('3-1-502');
  await page.getByTestId('resident-row').first().getByRole('link', { name: '3-1-502' }).click();
  await expect(page.getByTestId('unit-title')).toHaveText('3-1-502');
  await expect(page.getByTestId('unit-residents').getByTestId('resident-row')).toHaveCount(2);
  await expect(page.getByTestId('unit-facts')).toContainText('89.5 ㎡');

  // The visitor form offers the directory; a free-text host is still allowed.
  await page.goto(app.url + '/visitors');
  await page.getByTestId('visit-unit').fill('5-2');
  await page.getByTestId('host-option').filter({ hasText: '刘洋' }).click();
  await expect(page.getByTestId('visit-unit')).toHaveValue('5-2-1201');
  await expect(page.getByTestId('visit-person')).toHaveValue('刘洋');
  await page.getByTestId('visit-name').fill('快递员小周');
  await page.getByTestId('visit-phone').fill('13600000000');
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('onsite-list')).toContainText('5-2-1201 · 刘洋');
  await page.goto(app.url + '/residents/u/5-2-1201');
  await expect(page.getByTestId('unit-visits')).toContainText('快递员小周');

  await app.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('unit-residents')).toContainText('刘洋');
});

test('an xlsx with a corrected column mapping imports, and importing again updates instead of duplicating', async ({ page, shell }) => {
  await shell.open('/residents/import');
  const rows = [['门牌', '住户', '手机号码', '物业费余额'], ['8-1-101', '周杰', '13811112222', '-120'], ['8-1-102', '吴敏', '13855556666', '0']];
  await importFile(page, 'roster.xlsx', xlsx(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await expect(page.getByTestId('mapping')).toContainText('xlsx');
  // 门牌 is not a header the app knows: no row has a unit until the clerk maps it.
  await expect(page.getByTestId('map-0')).toHaveValue('');
  await expect(page.getByTestId('map-1')).toHaveValue('Name');
  await expect(page.getByTestId('map-3')).toHaveValue('');
  await expect(page.getByTestId('preview-counts')).toContainText('0 行可导入 · 2 行有问题');
  await expect(page.getByTestId('row-error').first()).toContainText('没有房号');
  await page.getByTestId('map-0').selectOption('Unit');
  await expect(page.getByTestId('preview-counts')).toContainText('2 行可导入 · 0 行有问题');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText('住户新增 2');

  const again = [['房屋', '住户', '手机号码'], ['8-1-101', '周杰', '13811112222'], ['8-1-101', '郑爽', '13877778888']];
  await importFile(page, 'roster2.xlsx', xlsx(again), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await page.getByTestId('import-confirm').click();
  // Counted per kind: the unit and 周杰 were already there as the file has them.
  await expect(page.getByTestId('import-summary')).toContainText('房屋新增 0,更新 0,未变 1;住户新增 1,更新 0,未变 1');
  await page.getByTestId('tab-find').click();
  await page.getByTestId('res-search').fill('周杰');
  await expect(page.getByTestId('resident-row')).toHaveCount(1);
});

test('a roster with a title row above its headers imports, and a bad row names the person and the value', async ({ page, shell }) => {
  await shell.open('/residents/import');
  const csv = '\uFEFF阳光小区业主信息表,,\n房号,姓名,手机\n6-1-101,孙丽,13811113333\n6-1-102,王芳,0213456789\n';
  await importFile(page, '业主信息表.csv', Buffer.from(csv, 'utf8'), 'text/csv');
  await expect(page.getByTestId('skipped-above')).toContainText('表头上方的 1 行(标题)已跳过');
  await expect(page.getByTestId('preview-counts')).toContainText('1 行可导入 · 1 行有问题');
  await expect(page.getByTestId('row-error')).toContainText('第 4 行(王芳):电话 0213456789 不对');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText('住户新增 1');
  await expect(page.getByTestId('import-summary')).toContainText(/用时 (\d+ 毫秒|\d+\.\d 秒)/);
});

test('a file that is not a spreadsheet is refused with a message', async ({ page, shell }) => {
  await shell.open('/residents/import');
  await page.getByTestId('import-file').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
  await expect(page.getByTestId('import-error')).toContainText('只能导入 .xlsx 或 .csv 文件');
  await expect(page.getByTestId('preview')).toHaveCount(0);
});

test('import time for 5,000 residents', async ({ page, shell }) => {
  test.setTimeout(180_000);
  const rows = [['楼栋', '单元', '房号', '姓名', '电话']];
  for (let i = 0; i < 5000; i++) {
    const b = 1 + Math.floor(i / 400), e = 1 + Math.floor((i % 400) / 100), r = 101 + (i % 100);
    rows.push([String(b), String(e), String(r), `住户${i}`, `13${String(100000000 + i * 7).slice(0, 9)}`]);
  }
  await shell.open('/residents/import');
  const t0 = Date.now();
  await importFile(page, 'big.csv', gbkCsv(rows), 'text/csv');
  const read = Date.now() - t0;
  await expect(page.getByTestId('preview-counts')).toContainText('5000 行可导入');
  const t1 = Date.now();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText('住户新增 5000', { timeout: 150_000 });
  const write = Date.now() - t1;
  console.log(`import of 5,000 residents (${test.info().project.name}): read+check ${read} ms, plan+write ${write} ms`);
});

test('a resident added at the desk is checked like an imported row and not duplicated', async ({ page, shell }) => {
  await shell.open('/residents');
  await page.getByTestId('add-resident-open').click();
  await page.getByTestId('ar-unit').fill('7栋2单元303');
  await page.getByTestId('ar-name').fill('孙丽');
  await page.getByTestId('ar-role').selectOption('tenant');
  await page.getByTestId('ar-phone').fill('1370000');
  await page.getByTestId('ar-save').click();
  await expect(page.getByTestId('ar-error')).toContainText('手机为1开头的11位');
  await page.getByTestId('ar-phone').fill('13700001111');
  await page.getByTestId('ar-save').click();
  await expect(page.getByTestId('add-resident')).toHaveCount(0);
  await page.getByTestId('res-search').fill('7-2-303');
  await expect(page.getByTestId('resident-row')).toHaveCount(1);
  await expect(page.getByTestId('resident-row')).toContainText('租户');
  // The same person again, with a second phone: updated.
  await page.getByTestId('add-resident-open').click();
  await page.getByTestId('ar-unit').fill('7-2-303');
  await page.getByTestId('ar-name').fill('孙丽');
  await page.getByTestId('ar-role').selectOption('tenant');
  await page.getByTestId('ar-phone').fill('13700002222');
  await page.getByTestId('ar-save').click();
  await expect(page.getByTestId('resident-row')).toHaveCount(1);
  await expect(page.getByTestId('resident-row')).toContainText('137 0000 2222');
  await expect(page.getByTestId('resident-row')).toContainText('137 0000 1111');
});
