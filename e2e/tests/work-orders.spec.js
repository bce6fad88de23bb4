// 报修与工单: a leak phoned in, dispatched, completed with the owner's signature, followed up
// unsatisfied (返工), completed again, followed up satisfied and closed, all offline; a second
// call about the same unit linked; an urgent order turning 超时; a public-area order.
import { test, expect, draw } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

class Orders {
  constructor(page, shell) {
    this.page = page;
    this.shell = shell;
  }
  field(name) {
    return this.page.getByTestId(`wo-${name}`);
  }
  async take({ unit = '', reporter = '', phone = '', area = '', category = 'water', description, urgency = 'normal' }) {
    await this.page.getByTestId('tab-wo-take').click();
    if (unit) await this.field('unit').fill(unit);
    if (area) await this.field(`area-${area}`).click();
    if (reporter) await this.field('reporter').fill(reporter);
    if (phone) await this.field('phone').fill(phone);
    await this.field(`cat-${category}`).click();
    await this.field('description').fill(description);
    await this.field(`urgency-${urgency}`).click();
  }
  async save() {
    await this.field('submit').click();
    await expect(this.page.getByTestId('toast').filter({ hasText: '已登记工单 WX-' }).last()).toBeVisible();
    await expect(this.field('description')).toHaveValue('');
  }
  rows() {
    return this.page.getByTestId('wo-list').getByTestId('wo-row');
  }
  async open(text) {
    await this.page.getByTestId('tab-wo-list').click();
    await this.rows().filter({ hasText: text }).first().getByTestId('wo-open').click();
    await expect(this.page.getByTestId('wo-detail')).toBeVisible();
  }
  status() {
    return this.page.getByTestId('wo-detail-status');
  }
  async complete(note) {
    await this.field('note').fill(note);
    await draw(this.page, 'wo-sig');
    await this.field('complete').click();
    await expect(this.status()).toHaveText('已完成');
  }
  async followUp(satisfaction, fixed = true) {
    await this.page.getByTestId('tab-wo-follow-up').click();
    await this.rows().first().getByTestId('wo-open').click();
    await this.field(`sat-${satisfaction}`).click();
    await this.field(fixed ? 'fixed' : 'not-fixed').click();
    await this.field('follow-up').click();
  }
}

test('a phoned-in leak goes from taken to closed with a rework, offline, and a second call is linked', async ({ page, context, app, shell }) => {
  test.setTimeout(90_000);
  await shell.open('/settings');
  await page.getByTestId('wo-workers').fill('李师傅\n王师傅');
  await page.getByTestId('wo-settings-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: '设置已保存' }).last()).toBeVisible();
  await shell.waitForOfflineReady();
  // The network goes; the desk goes on.
  await app.close();
  await context.setOffline(true);
  await page.goto(app.url + '/work-orders').catch(() => {});
  await shell.signIn();
  const o = new Orders(page, shell);

  await o.take({ unit: '3-1-502', reporter: '王芳', phone: '13800138000', description: '卫生间漏水,楼下已渗水' });
  await o.save();
  // A second call about the same unit: the open order shows, and the call is recorded on it
  // instead of making a second order.
  await o.field('unit').fill('3单元1号楼502');
  await expect(o.field('related')).toContainText('卫生间漏水');
  await o.field('link-same').click();
  await expect(o.field('linked')).toContainText('WX-');
  await expect(o.field('reporter')).toHaveValue('王芳');
  await o.field('description').fill('又打电话催');
  await o.field('submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已记入原工单 WX-' })).toBeVisible();

  await page.getByTestId('tab-wo-list').click();
  await expect(o.rows()).toHaveCount(1);
  await o.open('卫生间漏水');
  await expect(page.getByTestId('wo-steps')).toContainText('再次来电:又打电话催');
  await expect(o.status()).toHaveText('待派单');
  await expect(page.getByTestId('wo-contact')).toContainText('王芳 13800138000');
  const number = await page.getByTestId('wo-number').textContent();
  expect(number).toMatch(/^WX-\d{8}-[0-9a-f]{8}-\d{3}$/);
  // Dispatch to 维修部 李师傅; the job sheet carries the number and a QR code.
  await o.field('worker-pick').selectOption('李师傅');
  await o.field('dispatch').click();
  await expect(o.status()).toHaveText('已派单');
  await expect(page.getByTestId('wo-worker')).toContainText('维修部 李师傅');
  await expect(page.getByTestId('job-sheet')).toContainText(number);
  await expect(page.getByTestId('job-sheet').locator('svg')).toHaveCount(1);
  await o.field('start').click();
  await expect(o.status()).toHaveText('处理中');
  // Completion needs the owner's signature (or 无人在家).
  await o.field('note').fill('更换角阀');
  await o.field('complete').click();
  await expect(o.field('move-error')).toContainText('请业主签字确认');
  await o.complete('更换角阀');
  await expect(page.getByTestId('wo-signature')).toBeVisible();

  // 回访: not satisfied → 返工, back to the worker.
  await o.followUp('unsatisfied');
  await expect(o.status()).toHaveText('已派单');
  await expect(page.getByTestId('wo-rework')).toContainText('返工 1');
  await expect(page.getByTestId('wo-earlier')).toContainText('更换角阀');
  await o.complete('重新打胶,观察一天无渗漏');
  await o.followUp('satisfied');
  await expect(o.status()).toHaveText('已回访');
  await o.field('close').click();
  await expect(o.status()).toHaveText('已关闭');
  await expect(page.getByTestId('wo-step')).toHaveCount(9);
  await expect(page.getByTestId('wo-steps')).toContainText('返工');

  // Still so after a reload, offline.
  await page.reload();
  await shell.signIn();
  await expect(o.status()).toHaveText('已关闭');
  await page.getByTestId('tab-wo-list').click();
  await page.getByTestId('wo-filter-closed').click();
  await expect(o.rows()).toHaveCount(1);
  await page.getByTestId('wo-search').fill('王芳');
  await expect(o.rows()).toHaveCount(1);
  await page.getByTestId('wo-search').fill('');
  // Narrowed: all orders, then only 李师傅's, then only today's urgent ones (none).
  await page.getByTestId('wo-filter-all').click();
  await expect(o.rows()).toHaveCount(1);
  await page.getByTestId('wo-f-worker').selectOption('李师傅');
  await expect(o.rows()).toHaveCount(1);
  await expect(o.rows().first()).toContainText('卫生间漏水');
  await page.getByTestId('wo-f-urgency').selectOption('urgent');
  await expect(page.getByTestId('wo-empty')).toBeVisible();
  // The unit's page in 住户 lists its orders.
  await page.goto(app.url + '/residents/u/3-1-502').catch(() => {});
  await shell.signIn();
  await expect(page.getByTestId('unit-orders').getByTestId('wo-row')).toHaveCount(1);
});

test('an urgent order not reached in 30 minutes is marked 超时 and counted on the home screen', async ({ page, shell }) => {
  await page.clock.install({ time: new Date('2026-11-27T23:40:00+08:00') });
  await shell.open('/work-orders');
  const o = new Orders(page, shell);
  await o.take({ unit: '5-2-1202', reporter: '李雷', phone: '13900139000', category: 'electric', description: '全屋跳闸', urgency: 'urgent' });
  await o.save();
  await page.getByTestId('tab-wo-list').click();
  await expect(o.rows()).toHaveCount(1);
  await expect(page.getByTestId('wo-late')).toHaveCount(0);
  // Past midnight, 31 minutes on.
  await page.clock.setSystemTime(new Date('2026-11-28T00:11:00+08:00'));
  await page.getByTestId('tab-wo-follow-up').click();
  await page.getByTestId('tab-wo-list').click();
  await expect(o.rows().first().getByTestId('wo-late')).toHaveText('超时未到场');
  await shell.goTo('home');
  await expect(page.getByTestId('wo-home-late')).toContainText('1 超时');
  await page.getByTestId('wo-home-late').click();
  await expect(o.rows()).toHaveCount(1);
});

test('a public-area order needs no unit, and bad input is refused with messages', async ({ page, shell }) => {
  await shell.open('/work-orders');
  const o = new Orders(page, shell);
  // Nothing filled: where, what and the category are asked for; nothing is saved.
  await o.field('submit').click();
  await expect(o.field('error')).toContainText('请填写房号,或选择公共区域');
  await expect(o.field('error')).toContainText('请写明报修内容');
  await o.field('phone').fill('12345');
  await o.field('description').fill('电梯按钮失灵');
  await o.field('area-电梯').click();
  await o.field('cat-elevator').click();
  await o.field('submit').click();
  await expect(o.field('error')).toContainText('电话 12345 不对');
  await o.field('phone').fill('');
  await o.save();
  await page.getByTestId('tab-wo-list').click();
  await expect(o.rows()).toHaveCount(1);
  await expect(o.rows().first()).toContainText('电梯 · 电梯');
});
