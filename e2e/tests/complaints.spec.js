// 投诉: a 发泄型 complaint worked by the communicative procedure, raised to 有效 by the supervisor,
// then the department found, the site visited with its supervisor, a linked work order for the
// fix, followed up and closed; a promise made on it on the home screen; all offline.
import { test, expect } from './fixtures.js';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw e; });
});

test('a venting complaint is raised to a valid one and worked to closed by the procedure, offline', async ({ page, context, app, shell }) => {
  await shell.open('/complaints');
  await shell.waitForOfflineReady();
  await app.close();
  await context.setOffline(true);
  await page.reload();
  await shell.signIn();
  // Nothing recorded without what, the kind, and who (unless anonymous).
  await page.getByTestId('cp-submit').click();
  await expect(page.getByTestId('cp-error')).toContainText('请记下投诉内容');
  await expect(page.getByTestId('cp-error')).toContainText('请判断投诉性质');
  await page.getByTestId('cp-unit').fill('3-1-502');
  await page.getByTestId('cp-name').fill('王芳');
  await page.getByTestId('cp-phone').fill('13800138000');
  await page.getByTestId('cp-what').fill('楼道垃圾三天没人清,味道很大,物业都不管');
  await page.getByTestId('cp-place').fill('3号楼1单元楼道');
  await page.getByTestId('cp-kind-venting').click();
  await page.getByTestId('cp-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已登记投诉' })).toBeVisible();

  await page.getByTestId('tab-cp-list').click();
  await page.getByTestId('cp-row').first().getByTestId('cp-open').click();
  await expect(page.getByTestId('cp-kind')).toHaveText('发泄型');
  // Communicative procedure: identity first.
  await expect(page.getByTestId('cp-next')).toContainText('已确认身份');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-move-error')).toContainText('请写明这一步的情况');
  await page.getByTestId('cp-note').fill('核对业主档案,本人来电');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已确认身份');
  // It is a real service failure: raised to 有效 with a reason, the steps kept.
  await page.getByTestId('cp-kind-open').click();
  await page.getByTestId('cp-reason').fill('确属保洁未按时清运');
  await page.getByTestId('cp-raise').click();
  await expect(page.getByTestId('cp-kind')).toHaveText('有效投诉');
  await expect(page.getByTestId('cp-history')).toContainText('升级为有效投诉:确属保洁未按时清运');
  await expect(page.getByTestId('cp-next')).toContainText('已确定负责部门');
  await page.getByTestId('cp-department-pick').selectOption('cleaning');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-department')).toHaveText('保洁');
  await page.getByTestId('cp-with').fill('保洁主管刘');
  await page.getByTestId('cp-note').fill('现场确有三袋垃圾未清');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已到现场');
  // A promise to the complainant, and the fix as a work order.
  await page.getByTestId('cp-promise-open').click();
  await page.getByTestId('cp-promise-what').fill('今天下班前清理完毕并回电');
  const due = new Date(Date.now() + 6 * 3600 * 1000);
  const local = new Date(due.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16);
  await page.getByTestId('cp-promise-due').fill(local);
  await page.getByTestId('cp-promise').click();
  await expect(page.getByTestId('toast').filter({ hasText: '已登记承诺' })).toBeVisible();
  await page.getByTestId('cp-category').selectOption('facility');
  await page.getByTestId('cp-to-work-order').click();
  await expect(page.getByTestId('cp-work-order')).toBeVisible();
  await page.getByTestId('cp-note').fill('保洁已清运并消毒');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('部门已处理');
  // Due its follow-up: in the one list of follow-ups too.
  await shell.goTo('contacts');
  await page.getByTestId('tab-ct-follow-up').click();
  await expect(page.getByTestId('fu-row').filter({ hasText: '楼道垃圾三天没人清' })).toHaveCount(1);
  await shell.goTo('complaints');
  // The follow-up list, then the follow-up with satisfaction; a supervisor closes.
  await page.getByTestId('tab-cp-follow-up').click();
  await page.getByTestId('cp-row').first().getByTestId('cp-open').click();
  await page.getByTestId('cp-sat-satisfied').click();
  await page.getByTestId('cp-note').fill('业主表示满意');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已回访');
  // Not closed while its promise is open: the promise is kept first, from the home screen.
  await expect(page.getByTestId('cp-promises')).toContainText('今天下班前清理完毕并回电 · 未兑现');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-move-error')).toContainText('还有未兑现的承诺');
  const caseUrl = page.url();
  await shell.goTo('home');
  const promise = page.getByTestId('promise-row').filter({ hasText: '今天下班前清理完毕并回电' });
  await promise.getByTestId('promise-settle').click();
  await promise.getByTestId('promise-keep-note').fill('已清理并电话告知');
  await promise.getByTestId('promise-keep').click();
  await expect(page.getByTestId('promise-row')).toHaveCount(0);
  await page.goto(caseUrl);
  await shell.signIn();
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已关闭');
  await expect(page.getByTestId('cp-step').filter({ hasText: '✓' })).toHaveCount(7);
  // Everything done stays listed, the identity check before the raise too.
  await expect(page.getByTestId('cp-history')).toContainText('已确认身份 · 核对业主档案,本人来电');
  await page.reload();
  await shell.signIn();
  await page.goto(app.url + '/complaints/list').catch(() => {});
  await shell.signIn();
  await page.getByTestId('cp-filter-all').click();
  await page.getByTestId('cp-search').fill('3-1-502');
  await expect(page.getByTestId('cp-row')).toHaveCount(1);
  await expect(page.getByTestId('cp-stage')).toHaveText('已关闭');
  // The unit's page lists it.
  await page.goto(app.url + '/residents/u/3-1-502').catch(() => {});
  await shell.signIn();
  await expect(page.getByTestId('unit-complaints')).toContainText('有效投诉 · 已关闭');
});

test('how long complainants and callers are kept is set in settings, within its range', async ({ page, shell }) => {
  await shell.open('/settings');
  for (const card of ['cp', 'ct']) {
    await page.getByTestId(`${card}-keep`).fill('20');
    await page.getByTestId(`${card}-keep`).press('Enter');
    await expect(page.getByTestId('toast').filter({ hasText: '保留天数请填 30 到 3650。' }).last()).toBeVisible();
    await page.getByTestId(`${card}-keep`).fill('400');
    await page.getByTestId(`${card}-keep`).press('Enter');
    await expect(page.getByTestId('toast').filter({ hasText: '设置已保存' }).last()).toBeVisible();
  }
  await page.reload();
  await shell.signIn();
  await expect(page.getByTestId('cp-keep')).toHaveValue('400');
  await page.goto(shell.url + '/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: '投诉个人信息保留天数' }).first()).toContainText('365 → 400');
});

test('complaints are listed by kind, department, state and date, and a month is counted against the limit', async ({ page, shell }) => {
  await shell.open('/settings');
  await page.getByTestId('cp-limit').fill('0');
  await page.getByTestId('cp-limit').press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: '处理时限请填 1 到 90 天。' })).toBeVisible();
  await page.getByTestId('cp-limit').fill('2');
  await page.getByTestId('cp-limit').press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: '设置已保存' }).last()).toBeVisible();
  await shell.goTo('complaints');
  const record = async (what, kind, anonymous) => {
    if (anonymous) {
      await page.getByTestId('cp-anonymous').check();
    } else {
      await page.getByTestId('cp-unit').fill('5-2-301');
      await page.getByTestId('cp-name').fill('赵强');
      await page.getByTestId('cp-phone').fill('13700137000');
    }
    await page.getByTestId('cp-what').fill(what);
    await page.getByTestId(`cp-kind-${kind}`).click();
    await page.getByTestId('cp-submit').click();
    await expect(page.getByTestId('toast').filter({ hasText: '已登记投诉' }).last()).toBeVisible();
  };
  await record('电梯按钮失灵没人管', 'help', false);
  await record('问一下停车月卡怎么办', 'inquiry', true);
  // The help request is passed to engineering; the anonymous question is answered at the desk.
  const work = async (what, department) => {
    await page.getByTestId('tab-cp-list').click();
    await page.getByTestId('cp-row').filter({ hasText: what }).getByTestId('cp-open').click();
    await page.getByTestId('cp-note').fill('核实');
    await page.getByTestId('cp-tick').click();
    await expect(page.getByTestId('cp-case-stage')).toHaveText('已确认身份');
    await page.getByTestId('cp-note').fill('无欠费');
    await page.getByTestId('cp-tick').click();
    await expect(page.getByTestId('cp-case-stage')).toHaveText('已查看缴费');
    await page.getByTestId('cp-department-pick').selectOption(department);
    await page.getByTestId('cp-note').fill(department ? '已转工程部' : '已告知办理方式');
    await page.getByTestId('cp-tick').click();
    await expect(page.getByTestId('cp-case-stage')).toHaveText('已通知部门或答复');
  };
  await work('电梯按钮失灵没人管', 'engineering');
  await expect(page.getByTestId('cp-department')).toHaveText('工程');
  await page.getByTestId('tab-cp-list').click();
  await page.getByTestId('cp-row').filter({ hasText: '问一下停车月卡怎么办' }).getByTestId('cp-open').click();
  // Nobody to confirm on an anonymous complaint: the step says so already.
  await expect(page.getByTestId('cp-note')).toHaveValue('匿名投诉');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已确认身份');
  await page.getByTestId('cp-note').fill('无从查看');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已查看缴费');
  await expect(page.getByTestId('cp-department-pick')).toHaveValue('');
  await page.getByTestId('cp-note').fill('已告知办理方式');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已通知部门或答复');
  await page.getByTestId('cp-sat-satisfied').click();
  await page.getByTestId('cp-note').fill('回访满意');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已回访');
  await page.getByTestId('cp-tick').click();
  await expect(page.getByTestId('cp-case-stage')).toHaveText('已关闭');

  await page.getByTestId('tab-cp-list').click();
  await expect(page.getByTestId('cp-row')).toHaveCount(1);
  await page.getByTestId('cp-filter-closed').click();
  await expect(page.getByTestId('cp-row')).toHaveCount(1);
  await expect(page.getByTestId('cp-row')).toContainText('问一下停车月卡怎么办');
  await page.getByTestId('cp-filter-all').click();
  await expect(page.getByTestId('cp-row')).toHaveCount(2);
  await page.getByTestId('cp-f-department').selectOption('engineering');
  await expect(page.getByTestId('cp-row')).toHaveCount(1);
  await expect(page.getByTestId('cp-row')).toContainText('电梯按钮失灵没人管');
  await page.getByTestId('cp-f-department').selectOption('');
  await page.getByTestId('cp-f-kind').selectOption('inquiry');
  await expect(page.getByTestId('cp-row')).toHaveCount(1);
  await page.getByTestId('cp-f-kind').selectOption('');
  const tomorrow = new Date(Date.now() + 32 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByTestId('cp-f-from').fill(tomorrow);
  await expect(page.getByTestId('cp-empty')).toBeVisible();
  await page.getByTestId('cp-f-from').fill('');
  await expect(page.getByTestId('cp-row')).toHaveCount(2);

  // This month: two complaints, one closed within the 2-day limit.
  await page.getByTestId('tab-cp-report').click();
  await expect(page.getByTestId('cp-total')).toHaveText('2');
  await expect(page.getByTestId('cp-closed')).toHaveText('1');
  await expect(page.getByTestId('cp-limit')).toHaveText('2');
  await expect(page.getByTestId('cp-share')).toHaveText('50%');
  await expect(page.getByTestId('cp-n-kind-help')).toContainText('1');
  await expect(page.getByTestId('cp-n-dept-engineering')).toContainText('1');
  await expect(page.getByTestId('cp-n-dept-none')).toContainText('1');
  await page.getByTestId('cp-month').fill('2020-01');
  await expect(page.getByTestId('cp-total')).toHaveText('0');
  await expect(page.getByTestId('cp-share')).toHaveText('—');
});
