// Staff on duty, roles and the audit trail: who did what, and who may.
import { test, expect, SUPERVISOR } from './fixtures.js';

const CLERK = { name: '小李', pin: '1357' };

async function addClerk(page, shell) {
  await shell.open('/staff');
  await page.getByTestId('staff-name').fill(CLERK.name);
  await page.getByTestId('staff-pin').fill(CLERK.pin);
  await page.getByTestId('staff-pin2').fill(CLERK.pin);
  await page.getByTestId('staff-add').click();
  await expect(page.getByTestId('staff-list')).toContainText(CLERK.name);
}

async function switchTo(page, shell, who) {
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await shell.signIn(who.name, who.pin);
}

test('first start creates a supervisor before anything else works', async ({ page, app, shell }, testInfo) => {
  await page.goto(app.url + '/visitors');
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.locator('.navrail')).toHaveCount(0);
  await page.getByTestId('fr-name').fill('王主管');
  await page.getByTestId('fr-pin').fill('12');
  await page.getByTestId('fr-pin2').fill('12');
  await page.getByTestId('fr-submit').click();
  await expect(page.getByTestId('fr-error')).toHaveText('PIN 为 4 到 6 位数字。');
  await page.getByTestId('fr-pin').fill('2580');
  await page.getByTestId('fr-pin2').fill('2581');
  await page.getByTestId('fr-submit').click();
  await expect(page.getByTestId('fr-error')).toHaveText('两次输入的 PIN 不一致。');
  await shell.signIn();
  await expect(page.getByTestId('clerk-chip')).toContainText('王主管 (主管)');
  await shell.screenshot(testInfo, 'supervisor-signed-in');
});

test('a clerk signs in, registers a visitor, and cannot open settings, staff, the audit or full IDs', async ({ page, shell }) => {
  await addClerk(page, shell);
  await switchTo(page, shell, CLERK);
  await expect(page.getByTestId('clerk-chip')).toContainText('小李 (前台)');
  await expect(shell.nav('settings')).toBeHidden();
  for (const route of ['/settings', '/staff', '/audit', '/exchange']) {
    await page.goto(shell.url + route);
    await expect(page.getByTestId('refused')).toContainText('需要主管权限');
  }
  // Template and schedule pages show only the refusal: none of their buttons under it.
  for (const [route, hidden] of [
    ['/inspections/templates', 'tpl-new'],
    ['/inspections/templates/new', 'tpl-editor'],
    ['/inspections/schedules', 'schedule-form'],
  ]) {
    await page.goto(shell.url + route);
    await expect(page.getByTestId('refused')).toContainText('需要主管权限');
    await expect(page.getByTestId(hidden)).toHaveCount(0);
  }
  await page.goto(shell.url + '/visitors');
  await page.getByTestId('visit-name').fill('张伟');
  await page.getByTestId('visit-phone').fill('13800138000');
  await page.getByTestId('visit-id').fill('11010519491231002X');
  await page.getByTestId('visit-unit').fill('3-1-502');
  await page.getByTestId('visit-submit').click();
  const row = page.getByTestId('onsite-list').getByTestId('visit-row').first();
  await expect(row).toContainText('张伟');
  await expect(row.getByTestId('row-clerk')).toHaveText('小李');
  await row.locator('a').click();
  await expect(page.getByTestId('full-id')).toContainText('110105********002X');
  await expect(page.getByTestId('full-id')).not.toContainText('11010519491231002X');

  // The supervisor sees the clerk's registration in the audit trail, personal data masked.
  await switchTo(page, shell, SUPERVISOR);
  await page.goto(shell.url + '/visitors/log');
  await page.getByTestId('visit-row').first().locator('a').click();
  await expect(page.getByTestId('full-id')).toContainText('11010519491231002X');
  // A setting changed is audited too.
  await page.goto(shell.url + '/settings');
  await page.getByTestId('set-idle').fill('12');
  await page.getByTestId('set-idle').press('Enter');
  await expect(page.getByTestId('toast').last()).toBeVisible();
  await page.goto(shell.url + '/audit');
  const entry = page.getByTestId('audit-row').filter({ hasText: '小李' }).filter({ hasText: '访客登记' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('新建');
  // Fields by their names in the chosen language, personal values masked.
  await expect(entry).toContainText('电话:  → 138****8000');
  await expect(entry).not.toContainText('13800138000');
  await expect(page.getByTestId('audit-row').filter({ hasText: '设置' }).first()).toContainText(/无操作锁屏\(分钟\): \d+ → 12/);
  // What each entry is about and every field it names are words, never identifiers from the code.
  const named = [
    ...(await page.getByTestId('audit-subject').allTextContents()),
    ...(await page.getByTestId('audit-field').allTextContents()),
  ];
  expect(named.length).toBeGreaterThan(5);
  const code = named.filter((t) => /[A-Za-z_]/.test(t.replace(/PIN|CSV|ID/g, '')));
  expect(code).toEqual([]);
  await page.getByTestId('audit-person').fill('小');
  await expect(page.getByTestId('audit-row').filter({ hasText: '王主管' })).toHaveCount(0);
  await expect(page.getByTestId('audit-row').filter({ hasText: '小李' }).first()).toBeVisible();
});

test('the screen locks after the idle time and shows nothing personal', async ({ page, app, shell }) => {
  await page.clock.install({ time: new Date('2026-11-27T09:00:00+08:00') });
  await shell.open('/visitors');
  await page.getByTestId('visit-name').fill('钱十');
  await page.getByTestId('visit-phone').fill('13800000010');
  await page.getByTestId('visit-unit').fill('1-1-101');
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('onsite-list')).toContainText('钱十');
  await page.clock.fastForward('09:00');
  await expect(page.locator('.topbar')).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('钱十');
  await expect(page.locator('body')).not.toContainText('13800000010');
  // A reload does not get past it either.
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await shell.signIn();
  await expect(page.getByTestId('onsite-list')).toContainText('钱十');
});

test('five wrong PINs lock a person out until a supervisor resets the PIN', async ({ page, shell }) => {
  await addClerk(page, shell);
  await page.getByTestId('lock-button').click();
  await page.getByTestId('staff-choice').filter({ hasText: CLERK.name }).click();
  for (let i = 1; i <= 4; i++) {
    await page.getByTestId('pin-input').fill('0000');
    await page.getByTestId('pin-submit').click();
    await expect(page.getByTestId('pin-error')).toHaveText(`PIN 不对,还可再试 ${5 - i} 次。`);
  }
  await page.getByTestId('pin-input').fill('0000');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-error')).toContainText('已锁定至');
  // Even the right PIN is refused while locked out.
  await page.getByTestId('pin-input').fill(CLERK.pin);
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-error')).toContainText('已锁定至');
  await expect(page.locator('.topbar')).toHaveCount(0);

  // Lockouts and who is on duty live in IndexedDB: clearing localStorage lifts no lockout, and a
  // hand-made session there resumes nobody.
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('lobbydesk.session', JSON.stringify({ staff: '00000000-0000-4000-8000-000000000001', last_active_ms: Date.now() + 3600e3 }));
  });
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('staff-choice').filter({ hasText: CLERK.name }).click();
  await page.getByTestId('pin-input').fill(CLERK.pin);
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-error')).toContainText('已锁定至');

  await shell.signIn(SUPERVISOR.name, SUPERVISOR.pin);
  // The wrong PINs and the lockout are in the audit trail, under the person they were typed for.
  await page.goto(shell.url + '/audit');
  const clerkRows = page.getByTestId('audit-row').filter({ hasText: CLERK.name });
  await expect(clerkRows.filter({ hasText: 'PIN 输错' })).toHaveCount(4);
  await expect(clerkRows.filter({ hasText: '锁定(PIN 错误过多)' })).toHaveCount(1);
  await page.goto(shell.url + '/staff');
  const row = page.getByTestId('staff-row').filter({ hasText: CLERK.name });
  await row.getByTestId('reset-pin-open').click();
  await row.getByTestId('reset-pin').fill('8642');
  await row.getByTestId('reset-pin2').fill('8642');
  await row.getByTestId('reset-save').click();
  await expect(page.getByTestId('toast').first()).toContainText('已保存');
  await switchTo(page, shell, { name: CLERK.name, pin: '8642' });
  await expect(page.getByTestId('clerk-chip')).toContainText(CLERK.name);
});

test('a double tap on 添加 adds the person once', async ({ page, shell }) => {
  await shell.open('/staff');
  await page.getByTestId('staff-name').fill('赵双击');
  await page.getByTestId('staff-pin').fill('1357');
  await page.getByTestId('staff-pin2').fill('1357');
  await page.getByTestId('staff-add').dblclick();
  await expect(page.getByTestId('staff-list')).toContainText('赵双击');
  // Give a second save time to land, had it been sent.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('staff-list')).toContainText('赵双击');
  await expect(page.getByTestId('staff-row').filter({ hasText: '赵双击' })).toHaveCount(1);
});
