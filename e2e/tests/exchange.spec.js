// 数据交换: two tablets (two browser contexts, each with its own IndexedDB and device id) edit,
// export and import each other's files, offline, and end with the same lists; a conflict is
// resolved by the supervisor; bad files are refused with the data unchanged; CSV for Excel.
import fs from 'node:fs';
import { test, expect, SUPERVISOR, secondTablet, exportFile, chooseImport } from './fixtures.js';

const VALID_ID = '11010519491231002X';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

async function registerVisitor(page, name, phone) {
  await page.goto(new URL('/visitors', page.url()).href);
  await page.getByTestId('visit-name').fill(name);
  await page.getByTestId('visit-phone').fill(phone);
  await page.getByTestId('visit-id').fill(VALID_ID);
  await page.getByTestId('visit-unit').fill('3-1-502');
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('saved-notice')).toContainText(name);
}

async function memos(page) {
  await page.goto(new URL('/', page.url()).href);
  await expect(page.getByTestId('memo-open')).toBeVisible();
  return (await page.getByTestId('memo-open').getByTestId('memo-item').allInnerTexts()).map((t) => t.split('\n')[0]).sort();
}

async function visitLog(page) {
  await page.goto(new URL('/visitors/log', page.url()).href);
  const rows = page.getByTestId('log-list').getByTestId('visit-row');
  await expect(rows.first()).toBeVisible();
  return (await rows.allInnerTexts()).sort();
}

test('two tablets exchange files offline, end with the same lists, and a conflict is resolved', async ({ page, context, app, shell, browser }, testInfo) => {
  const b = await secondTablet(browser, app, testInfo);
  await shell.open('/');
  await b.shell.open('/');
  await shell.waitForOfflineReady();
  await b.shell.waitForOfflineReady();
  // From here on neither tablet has a network.
  await app.close();
  await context.setOffline(true);
  await b.context.setOffline(true);

  await expect(page.getByTestId('backup-reminder')).toContainText('从未导出');
  await shell.addMemo('甲:三号楼电梯维保 10 点');
  await registerVisitor(page, '张伟', '13800138000');
  await b.shell.addMemo('乙:快递柜满了');

  // B → A: the preview says what the file would do before anything is written.
  const b1 = await exportFile(b.page, testInfo, 'b1');
  await chooseImport(page, b1);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-home').locator('td').first()).toHaveText('1');
  await shell.screenshot(testInfo, 'import-preview');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toContainText('新增');

  // A → B, everything, made for B (A knows B from its file): both show the same lists.
  const a1 = await exportFile(page, testInfo, 'a1', { peer: 1 });
  await chooseImport(b.page, a1);
  await expect(b.page.getByTestId('preview-visitors').locator('td').first()).toHaveText('1');
  await b.page.getByTestId('import-apply').click();
  await expect(b.page.getByTestId('import-done')).toBeVisible();
  expect(await memos(page)).toEqual(await memos(b.page));
  expect(await memos(page)).toEqual(['乙:快递柜满了', '甲:三号楼电梯维保 10 点'].sort());
  expect(await visitLog(page)).toEqual(await visitLog(b.page));
  await memos(page);
  await expect(page.getByTestId('backup-reminder')).toContainText('距上次导出 0 天');

  // Both desks sign the same visitor out before they exchange again: a conflict.
  for (const p of [page, b.page]) {
    await p.goto(new URL('/visitors/onsite', p.url()).href);
    await p.getByTestId('onsite-list').getByTestId('visit-row').first().getByTestId('sign-out').click();
    await expect(p.getByTestId('onsite-list').getByTestId('visit-row')).toHaveCount(0);
  }
  // A sends only what changed since its last export to B.
  const a2 = await exportFile(page, testInfo, 'a2', { scope: 'since', peer: 1 });
  const a2json = JSON.parse(fs.readFileSync(a2, 'utf8'));
  expect(a2json.scope).toBe('since');
  expect(a2json.records.some((r) => r.meta.kind === 'memo')).toBe(false);
  await chooseImport(b.page, a2);
  await expect(b.page.getByTestId('preview-visitors').locator('td').last()).toHaveText('1');
  await b.page.getByTestId('import-apply').click();
  await expect(b.page.getByTestId('import-done')).toContainText('冲突 1');
  const conflict = b.page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('离开时间');
  await b.shell.screenshot(testInfo, 'conflict');
  await conflict.getByTestId('keep-other').click();
  await expect(b.page.getByTestId('no-conflicts')).toBeVisible();

  // The resolution travels back; A ends with no conflict and the same list.
  const b2 = await exportFile(b.page, testInfo, 'b2');
  await chooseImport(page, b2);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('no-conflicts')).toBeVisible();
  expect(await visitLog(page)).toEqual(await visitLog(b.page));

  // Importing the same file again changes nothing.
  await chooseImport(page, b2);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  for (const td of await page.getByTestId('import-preview').locator('tbody tr td:nth-child(2)').allInnerTexts()) expect(td).toBe('0');

  // After a reload, offline, everything is still there.
  await page.reload();
  await shell.signIn();
  expect(await memos(page)).toEqual(await memos(b.page));
  await b.context.close();
});

test('wrong passphrase, truncated and foreign files are refused with the data unchanged; a cancelled preview writes nothing', async ({ page, app, shell, browser }, testInfo) => {
  const b = await secondTablet(browser, app, testInfo);
  await shell.open('/');
  await b.shell.open('/');
  await shell.addMemo('甲:加密文件里的备忘');
  await b.shell.addMemo('乙:本机原有备忘');
  const sealed = await exportFile(page, testInfo, 'sealed', { pass: 'lobby-2580' });
  const text = fs.readFileSync(sealed, 'utf8');
  expect(text).toContain('"encrypted":true');
  expect(text).not.toContain('加密文件里的备忘');
  expect(text).not.toContain('memo');
  const before = await memos(b.page);

  // No passphrase: asked for. Wrong passphrase: refused.
  await chooseImport(b.page, sealed);
  await expect(b.page.getByTestId('import-error')).toContainText('文件已加密');
  await b.page.getByTestId('import-pass').fill('wrong-pass');
  await b.page.getByTestId('import-unlock').click();
  await expect(b.page.getByTestId('import-error')).toContainText('密码不对');
  await expect(b.page.getByTestId('import-preview')).toHaveCount(0);
  expect(await memos(b.page)).toEqual(before);

  // Cut short, and not ours at all.
  const cut = testInfo.outputPath('cut.json');
  fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
  await chooseImport(b.page, cut);
  await expect(b.page.getByTestId('import-error')).toContainText('文件不完整');
  const csv = testInfo.outputPath('residents.json');
  fs.writeFileSync(csv, '姓名,手机\n张伟,13800138000\n');
  await chooseImport(b.page, csv);
  await expect(b.page.getByTestId('import-error')).toContainText('不是 LobbyDesk 导出的文件');
  const plainFile = await exportFile(page, testInfo, 'plain');
  // A plain file never carries staff and their PIN hashes (encrypted files do).
  const plainText = fs.readFileSync(plainFile, 'utf8');
  expect(plainText).toContain('"meta":{"kind":"memo"');
  expect(plainText).toContain('"meta":{"kind":"audit"');
  expect(plainText).not.toContain('"meta":{"kind":"staff"');
  expect(plainText).not.toContain('"pin":{');
  const tampered = testInfo.outputPath('tampered.json');
  fs.writeFileSync(tampered, fs.readFileSync(plainFile, 'utf8').replace('加密文件里的备忘', '被改过的备忘'));
  await chooseImport(b.page, tampered);
  await expect(b.page.getByTestId('import-error')).toContainText('校验码');
  expect(await memos(b.page)).toEqual(before);

  // The right passphrase gives a preview; cancelling it writes nothing.
  await chooseImport(b.page, sealed);
  await b.page.getByTestId('import-pass').fill('lobby-2580');
  await b.page.getByTestId('import-unlock').click();
  await expect(b.page.getByTestId('import-preview')).toContainText('已解密');
  await b.page.getByTestId('import-cancel').click();
  await expect(b.page.getByTestId('import-done')).toContainText('已取消');
  expect(await memos(b.page)).toEqual(before);

  // Then applied, it lands whole. The encrypted file carries tablet A's supervisor, a person new
  // here: listed by name and role, and imported only with the PIN of the supervisor on duty.
  await chooseImport(b.page, sealed);
  await b.page.getByTestId('import-pass').fill('lobby-2580');
  await b.page.getByTestId('import-unlock').click();
  await expect(b.page.getByTestId('preview-staff-item')).toContainText('王主管 · 主管 · 新增人员');
  await b.page.getByTestId('import-apply').click();
  await expect(b.page.getByTestId('import-error')).toContainText('值班主管输入自己的 PIN');
  expect(await memos(b.page)).toEqual(before);
  await chooseImport(b.page, sealed);
  await b.page.getByTestId('import-pass').fill('lobby-2580');
  await b.page.getByTestId('import-unlock').click();
  await b.page.getByTestId('import-staff-pin').fill('0000');
  await b.page.getByTestId('import-apply').click();
  await expect(b.page.getByTestId('import-error')).toContainText('值班主管输入自己的 PIN');
  await b.page.getByTestId('import-staff-pin').fill(SUPERVISOR.pin);
  await b.page.getByTestId('import-apply').click();
  await expect(b.page.getByTestId('import-done')).toBeVisible();
  expect(await memos(b.page)).toEqual([...before, '甲:加密文件里的备忘'].sort());
  await b.context.close();
});

test('the visitor log exports as a CSV that Excel reads: BOM, Chinese headers, local times, masked IDs', async ({ page, shell }, testInfo) => {
  await shell.open('/');
  await registerVisitor(page, '李娜', '13900139000');
  await page.goto(new URL('/exchange', page.url()).href);
  await page.getByTestId('csv-table').selectOption('visits');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-run').click()]);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('到访时间,离开时间,姓名,电话,证件号,被访房号/单位,事由,人数,车牌,登记人,备注');
  expect(lines[1]).toContain('李娜');
  expect(lines[1]).toContain('110105********002X');
  expect(lines[1]).not.toContain(VALID_ID);
  const shown = await page.evaluate(() => {
    const d = new Date();
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(d);
  });
  expect(lines[1].startsWith(shown)).toBe(true);
  // The supervisor may ask for full numbers.
  await page.getByTestId('csv-full-ids').check();
  const [full] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-run').click()]);
  expect(fs.readFileSync(await full.path(), 'utf8')).toContain(VALID_ID);
});

test('a file an older build wrote, with the parcel photo inline, imports offline and shows the photo', async ({ page, shell, app, browser }, testInfo) => {
  const crypto = await import('node:crypto');
  const png = fs.readFileSync(new URL('../../public/icons/icon-512.png', import.meta.url));
  await shell.open('/parcels');
  await page.getByTestId('p-tracking').fill('SF8880001112223');
  await page.getByTestId('p-unit').fill('2-1-201');
  await page.getByTestId('p-photo').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('p-photo-thumb')).toBeVisible();
  await page.getByTestId('p-submit').click();
  await expect(page.getByTestId('intake-done')).toContainText('SF8880001112223');
  const file = await exportFile(page, testInfo, 'new-build');

  // The same file as the build before pictures moved out wrote it: the photo inside the parcel
  // (schema 1), no photo record.
  const f = JSON.parse(fs.readFileSync(file, 'utf8'));
  const parcel = f.records.find((r) => r.meta.kind === 'parcel');
  const photo = f.records.find((r) => r.meta.kind === 'photo' && r.meta.id === parcel.body.photo);
  expect(photo, 'the new build exports the photo record').toBeTruthy();
  parcel.meta.schema = 1;
  parcel.body.photo = photo.body.data;
  f.records = f.records.filter((r) => r !== photo);
  f.record_count = f.records.length;
  f.checksum = crypto.createHash('sha256').update(JSON.stringify(f.records), 'utf8').digest('hex');
  const old = testInfo.outputPath('old-build.json');
  fs.writeFileSync(old, JSON.stringify(f));

  const b = await secondTablet(browser, app, testInfo);
  await b.shell.open('/');
  await chooseImport(b.page, old);
  await expect(b.page.getByTestId('import-preview')).toBeVisible();
  await b.page.getByTestId('import-apply').click();
  await expect(b.page.getByTestId('import-done')).toBeVisible();
  await b.context.setOffline(true);
  await b.page.goto(new URL('/parcels/shelf', b.page.url()).href);
  const img = b.page.getByTestId('shelf-row').first().getByTestId('parcel-photo');
  await expect(img).toBeVisible();
  expect(await img.getAttribute('src')).toBe(photo.body.data);
  await b.context.close();
});
