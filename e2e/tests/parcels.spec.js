// 快递: a stack of parcels scanned in by keyboard, notified, handed over on someone's behalf with a
// signature, overdue on the shelf, duplicates refused, and all of it offline.
import { test, expect } from './fixtures.js';

const STACK = [
  ['SF1234567890123', '3-1-502', '顺丰'],
  ['YT9876543210123', '3-1-502', '圆通'],
  ['JT1112223334445', '5-2-1201', '极兔'],
  ['75312345678901', '8-1-101', '中通'],
  ['4312345678901', '3栋1单元502', '韵达'],
];

// What a USB scanner does: types the number, then Enter.
async function scan(page, code) {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

async function sign(page) {
  await page.getByTestId('signature').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('signature').boundingBox();
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 25, box.y + box.height / 2 + (i % 2 ? -20 : 20));
  await page.mouse.up();
}

async function takeInStack(page) {
  let keys = 0;
  for (const [tracking, unit] of STACK) {
    await expect(page.getByTestId('p-tracking')).toBeFocused();
    await scan(page, tracking);
    await expect(page.getByTestId('p-unit')).toBeFocused();
    await page.keyboard.type(unit); keys += unit.length;
    // One Enter saves: name, phone and shelf are a tap away, not in the Enter chain (before this,
    // four Enters went through them: 4 + the unit's length keys a parcel).
    await page.keyboard.press('Enter'); keys += 1;
    await expect(page.getByTestId('intake-done')).toContainText(tracking);
  }
  return keys / STACK.length;
}

test('scan a stack in by keyboard, notify, hand two over on behalf with a signature, offline', async ({ page, context, app, shell }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await shell.open('/parcels');
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('p-tracking')).toBeFocused();
  await page.getByTestId('p-shelf').fill('A-3');
  await page.getByTestId('p-tracking').focus();
  const t0 = Date.now();
  const keysPerParcel = await takeInStack(page);
  const ms = (Date.now() - t0) / STACK.length;
  console.log(`intake per scanned parcel: the scan + ${keysPerParcel} keystrokes, ${ms.toFixed(0)} ms (${testInfo.project.name})`);
  const recent = page.getByTestId('intake-recent').getByTestId('parcel-row');
  await expect(recent).toHaveCount(5);
  for (const [tracking, , carrier] of STACK) {
    await expect(recent.filter({ hasText: tracking })).toContainText(carrier);
  }
  await expect(recent.filter({ hasText: '4312345678901' })).toContainText('3-1-502');
  await shell.screenshot(testInfo, 'parcel-intake');

  // A duplicate tracking number is refused as soon as it is scanned, saying where the parcel is;
  // the form is empty again for the next scan.
  await scan(page, 'sf 1234 5678 9012 3');
  await expect(page.getByTestId('p-tracking-error')).toContainText('SF1234567890123 已在货架上(A-3 · 3-1-502');
  await expect(page.getByTestId('p-tracking')).toHaveValue('');
  await expect(page.getByTestId('p-tracking')).toBeFocused();
  await expect(recent).toHaveCount(5);

  // Notify one: the message carries the pickup code and shelf.
  await page.getByTestId('tab-shelf').click();
  await expect(page.getByTestId('shelf-row')).toHaveCount(5);
  const sf = page.getByTestId('shelf-row').filter({ hasText: 'SF1234567890123' });
  const code = await sf.getByTestId('parcel-code').innerText();
  await sf.getByTestId('notify-open').click();
  await expect(sf.getByTestId('notice-text')).toHaveValue(new RegExp(`取件码 ${code}.*货架 A-3`));
  await sf.getByTestId('notice-copy').click();
  await expect(sf.getByTestId('parcel-state')).toHaveText('已通知');
  await page.getByTestId('only-unnotified').check();
  await expect(page.getByTestId('shelf-row')).toHaveCount(4);
  await page.getByTestId('only-unnotified').uncheck();

  // Two parcels for 3-1-502 collected by the nanny.
  await page.getByTestId('shelf-search').fill('3-1-502');
  await expect(page.getByTestId('shelf-row')).toHaveCount(3);
  await page.getByTestId('shelf-row').filter({ hasText: 'SF1234567890123' }).getByTestId('select-parcel').check();
  await page.getByTestId('shelf-row').filter({ hasText: 'YT9876543210123' }).getByTestId('pick-parcel').click();
  await expect(page.getByTestId('handover-item')).toHaveCount(2);
  await page.getByTestId('on-behalf').click();
  await page.getByTestId('h-name').fill('陈阿姨');
  await page.getByTestId('h-phone').fill('13611112222');
  await page.getByTestId('h-relation').fill('保姆');
  await page.getByTestId('handover-confirm').click();
  await expect(page.getByTestId('handover-error')).toContainText('签名');
  await sign(page);
  await page.getByTestId('handover-confirm').click();
  await expect(page.getByTestId('handover-error')).toContainText('核验证件');
  await page.getByTestId('id-checked').check();
  await page.getByTestId('handover-confirm').click();
  await expect(page.getByTestId('shelf-row')).toHaveCount(1);
  await page.getByTestId('shelf-search').fill(code);
  await expect(page.getByTestId('shelf-empty').or(page.getByText('货架上没有快递。'))).toBeVisible();

  await page.reload();
  await page.getByTestId('tab-today').click();
  await expect(page.getByTestId('n-received')).toHaveText('5');
  await expect(page.getByTestId('n-handed')).toHaveText('2');
  await expect(page.getByTestId('n-waiting')).toHaveText('3');
  await shell.screenshot(testInfo, 'parcel-day');
});

test('a scanned stack with a duplicate, a double read, two units run together and an odd unit leaves only correct parcels', async ({ page, shell }) => {
  await shell.open('/parcels');
  const recent = page.getByTestId('intake-recent').getByTestId('parcel-row');
  const takeIn = async (tracking, unit) => {
    await scan(page, tracking);
    await expect(page.getByTestId('p-unit')).toBeFocused();
    await page.keyboard.type(unit);
    await page.keyboard.press('Enter');
  };
  // A stray Enter, a unit or a short number in 运单号 stays there: nothing moves to 收件房号.
  await page.getByTestId('p-tracking').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('p-tracking')).toBeFocused();
  for (const notANumber of ['3-1-502', '12']) {
    await scan(page, notANumber);
    await expect(page.getByTestId('p-tracking-error')).toContainText('这不像运单号');
    await expect(page.getByTestId('p-tracking')).toBeFocused();
    await page.getByTestId('p-tracking').fill('');
  }
  await takeIn('SF144307705322', '3-1-502');
  await expect(page.getByTestId('intake-done')).toContainText('SF144307705322');

  // The same number, and at once the next scan, as fast as a scanner types: the duplicate is
  // refused and the next number arrives whole in 运单号.
  await page.keyboard.type('SF144307705322');
  await page.keyboard.press('Enter');
  await page.keyboard.type('YT5000000000019', { delay: 2 });
  await expect(page.getByTestId('p-tracking-error')).toContainText('已在货架上');
  await expect(page.getByTestId('p-tracking')).toHaveValue('YT5000000000019');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('p-unit')).toBeFocused();
  await page.keyboard.type('6-1-101');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-done')).toContainText('YT5000000000019');

  // The same number again: refused at the scan, the form empty; the next scan starts clean.
  await scan(page, 'SF144307705322');
  await expect(page.getByTestId('p-tracking-error')).toContainText('已在货架上');
  await expect(page.getByTestId('p-tracking')).toHaveValue('');
  await expect(page.getByTestId('p-tracking')).toBeFocused();
  await takeIn('YT7579553618199', '5-2-1202');
  await expect(page.getByTestId('intake-done')).toContainText('YT7579553618199');

  // The scanner reads twice: the second read lands in 收件房号 and is refused, the unit emptied.
  await scan(page, 'JT0319199933087');
  await scan(page, 'JT0319199933087');
  await expect(page.getByTestId('p-unit-error')).toContainText('像是运单号');
  await expect(page.getByTestId('p-unit')).toHaveValue('');
  await expect(page.getByTestId('p-unit')).toBeFocused();
  await page.keyboard.type('8-1-101');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-done')).toContainText('JT0319199933087');

  // Two units run together are refused; one unit is then taken.
  await takeIn('SF2222222222222', '3-1-5025-2-1202');
  await expect(page.getByTestId('p-unit-error')).toContainText('两个房号');
  await page.getByTestId('p-unit').fill('3-1-502');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-done')).toContainText('SF2222222222222');

  // A unit not written as units are is kept as typed only when the clerk takes it in again.
  await takeIn('SF3333333333333', '物业办公室');
  await expect(page.getByTestId('p-unit-error')).toContainText('不是常见写法');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-done')).toContainText('SF3333333333333');

  await expect(recent).toHaveCount(6);
  expect(await recent.filter({ hasText: 'YT5000000000019' }).getByTestId('parcel-recipient').innerText()).toBe('6-1-101');
  const unitOf = async (tracking) => recent.filter({ hasText: tracking }).getByTestId('parcel-recipient').innerText();
  expect(await unitOf('SF144307705322')).toBe('3-1-502');
  expect(await unitOf('YT7579553618199')).toBe('5-2-1202');
  expect(await unitOf('JT0319199933087')).toBe('8-1-101');
  expect(await unitOf('SF2222222222222')).toBe('3-1-502');
  expect(await unitOf('SF3333333333333')).toBe('物业办公室');
  await page.getByTestId('tab-shelf').click();
  await page.getByTestId('shelf-search').fill('3-1-502');
  await expect(page.getByTestId('shelf-row')).toHaveCount(2);
});

test('a hand-over after a search hands over exactly what its panel lists, one recipient in person', async ({ page, shell }, testInfo) => {
  await shell.open('/parcels');
  for (const [tracking, unit, name] of [['SF9811111111111', '3-1-502', '孙艳'], ['JT0319199933087', '8-1-101', '周强'], ['753023952818792', '8-1-101', '周强']]) {
    await page.getByTestId('p-tracking').fill(tracking);
    await page.getByTestId('p-unit').fill(unit);
    await page.getByTestId('p-name').fill(name);
    await page.getByTestId('p-submit').click();
    await expect(page.getByTestId('intake-done')).toContainText(tracking);
  }
  await page.getByTestId('tab-shelf').click();
  // Ticking a row moves nothing under the finger: the row and the next row's box stay put.
  const row = page.getByTestId('shelf-row').filter({ hasText: 'SF9811111111111' });
  const next = page.getByTestId('shelf-row').last();
  await row.scrollIntoViewIfNeeded();
  const [rowBefore, nextBefore] = [await row.boundingBox(), await next.boundingBox()];
  await row.getByTestId('pick-parcel').click();
  await expect(page.getByTestId('handover-item')).toHaveCount(1);
  expect(await row.boundingBox()).toEqual(rowBefore);
  expect(await next.boundingBox()).toEqual(nextBefore);
  // A search shows other rows; the picked parcel stays listed in the panel.
  await page.getByTestId('shelf-search').fill('8-1-101');
  await expect(page.getByTestId('shelf-row')).toHaveCount(2);
  await expect(page.getByTestId('handover-item')).toHaveCount(1);
  await expect(page.getByTestId('handover-item')).toContainText('111111');
  await expect(page.getByTestId('handover-item')).toContainText('孙艳');
  await page.getByTestId('shelf-row').filter({ hasText: 'JT0319199933087' }).getByTestId('pick-parcel').click();
  await expect(page.getByTestId('handover-item')).toHaveCount(2);
  // Two recipients: said at once, and only a collection on their behalf is offered.
  await expect(page.getByTestId('handover-several')).toBeVisible();
  await expect(page.getByTestId('in-person')).toBeDisabled();
  await expect(page.getByTestId('on-behalf')).toHaveAttribute('aria-pressed', 'true');
  await sign(page);
  await page.getByTestId('handover-confirm').click();
  await expect(page.getByTestId('handover-error')).toContainText('代领需填写');
  await shell.screenshot(testInfo, 'parcel-handover-sheet');
  // Leave 孙艳's parcel out: what is handed over is what the panel lists, to 周强 in person.
  await page.getByTestId('handover-item').filter({ hasText: '孙艳' }).getByTestId('handover-remove').click();
  await expect(page.getByTestId('handover-item')).toHaveCount(1);
  await expect(page.getByTestId('handover-several')).toHaveCount(0);
  await page.getByTestId('in-person').click();
  await page.getByTestId('handover-confirm').click();
  await expect(page.getByTestId('handover-panel')).toHaveCount(0);
  await expect(page.getByTestId('shelf-row')).toHaveCount(1);
  await expect(page.getByTestId('shelf-row')).toContainText('753023952818792');
  await page.getByTestId('shelf-search').fill('');
  await expect(page.getByTestId('shelf-row')).toHaveCount(2);
  await expect(page.getByTestId('shelf-row').filter({ hasText: 'SF9811111111111' })).toHaveCount(1);
});

test('a parcel left more than three days becomes overdue; returned and lost leave the shelf', async ({ page, context, app, shell }) => {
  await page.clock.install({ time: new Date('2026-11-20T10:00:00+08:00') });
  await shell.open('/parcels');
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.getByTestId('p-tracking').fill('EA123456789CN');
  await page.getByTestId('p-unit').fill('6-1-101');
  await page.getByTestId('p-submit').click();
  await expect(page.getByTestId('intake-done')).toContainText('EA123456789CN');
  await page.getByTestId('p-tracking').fill('9812345678901');
  await page.getByTestId('p-unit').fill('6-1-102');
  await page.getByTestId('p-submit').click();
  await page.getByTestId('p-tracking').fill('1123456789012');
  await page.getByTestId('p-unit').fill('6-1-103');
  await page.getByTestId('p-submit').click();
  await expect(page.getByTestId('intake-recent').getByTestId('parcel-row')).toHaveCount(3);

  await page.clock.setSystemTime(new Date('2026-11-24T11:00:00+08:00'));
  await page.reload();
  await shell.signIn();
  await page.goto(shell.url + '/parcels/shelf');
  await expect(page.getByTestId('shelf-row')).toHaveCount(3);
  await expect(page.getByTestId('overdue')).toHaveCount(3);
  const ems = page.getByTestId('shelf-row').filter({ hasText: 'EA123456789CN' });
  await expect(ems).toContainText('EMS');
  await ems.getByTestId('close-open').click();
  await ems.getByTestId('close-note').fill('收件人拒收');
  await ems.getByTestId('mark-returned').click();
  await expect(page.getByTestId('shelf-row')).toHaveCount(2);
  const post = page.getByTestId('shelf-row').filter({ hasText: '9812345678901' });
  await post.getByTestId('close-open').click();
  await post.getByTestId('mark-lost').click();
  await expect(page.getByTestId('toast').last()).toContainText('请写明情况');
  await post.getByTestId('close-note').fill('外箱破损,内物遗失');
  await post.getByTestId('mark-lost').click();
  await expect(page.getByTestId('shelf-row')).toHaveCount(1);
  await page.getByTestId('tab-today').click();
  await expect(page.getByTestId('n-overdue')).toHaveText('1');
});

test('an outgoing parcel is logged and marked collected by the courier', async ({ page, shell }) => {
  await shell.open('/parcels/outgoing');
  await page.getByTestId('o-tracking').fill('SF5550001112223');
  await page.getByTestId('o-unit').fill('3-1-502');
  await page.getByTestId('o-name').fill('张伟');
  await page.getByTestId('o-submit').click();
  await expect(page.getByTestId('outgoing-row')).toHaveCount(1);
  await expect(page.getByTestId('outgoing-row')).toContainText('顺丰');
  await page.getByTestId('o-courier').fill('顺丰小哥');
  await page.getByTestId('courier-collected').click();
  await expect(page.getByTestId('outgoing-row')).toHaveCount(0);
});

test('a photo of the parcel is shrunk to a JPEG and kept with it', async ({ page, shell }) => {
  const fs = await import('node:fs');
  const png = fs.readFileSync(new URL('../../public/icons/icon-512.png', import.meta.url));
  await shell.open('/parcels');
  await page.getByTestId('p-tracking').fill('SF9990001112223');
  await page.getByTestId('p-unit').fill('2-1-201');
  await page.getByTestId('p-photo').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('p-photo-thumb')).toBeVisible();
  await page.getByTestId('p-submit').click();
  await expect(page.getByTestId('intake-done')).toContainText('SF9990001112223');
  await expect(page.getByTestId('p-photo-thumb')).toHaveCount(0);
  await page.getByTestId('tab-shelf').click();
  const img = page.getByTestId('shelf-row').first().getByTestId('parcel-photo');
  await expect(img).toBeVisible();
  const src = await img.getAttribute('src');
  expect(src.startsWith('data:image/jpeg')).toBe(true);
  expect(src.length).toBeLessThan(200_000);
});

test('where the browser reads barcodes, the camera fills in the tracking number', async ({ page, shell }) => {
  // This Chromium has no BarcodeDetector and no camera: give the page stand-ins for both, so the
  // app's own camera path (open stream, detect, fill, stop) runs for real.
  await page.addInitScript(() => {
    window.__codes = ['JT1234567890123'];
    window.__stopped = 0;
    window.BarcodeDetector = class {
      constructor(opts) { this.opts = opts; }
      async detect() { return window.__codes.length ? [{ rawValue: window.__codes.shift(), format: 'code_128' }] : []; }
    };
    navigator.mediaDevices.getUserMedia = async () => {
      const c = document.createElement('canvas');
      c.width = 320; c.height = 240;
      c.getContext('2d').fillRect(0, 0, 20, 20);
      const stream = c.captureStream(5);
      stream.getTracks().forEach((t) => { const stop = t.stop.bind(t); t.stop = () => { window.__stopped += 1; stop(); }; });
      return stream;
    };
  });
  await shell.open('/parcels');
  await page.getByTestId('camera-scan').click();
  await expect(page.getByTestId('p-tracking')).toHaveValue('JT1234567890123');
  await expect(page.getByTestId('p-unit')).toBeFocused();
  await expect(page.getByTestId('p-carrier')).toHaveValue('jt');
  await expect(page.getByTestId('camera-video')).toHaveCount(0);
  expect(await page.evaluate(() => window.__stopped)).toBeGreaterThan(0);
});

test('without BarcodeDetector there is no camera button; the USB scanner is the way in', async ({ page, shell }) => {
  await shell.open('/parcels');
  const has = await page.evaluate(() => 'BarcodeDetector' in window);
  test.skip(has, 'this browser has its own BarcodeDetector');
  await expect(page.getByTestId('camera-scan')).toHaveCount(0);
});
