import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { findOrganization } from '../../src/services/directory/organizations.service.js';
import { importDocuments } from '../../src/services/documents/import-documents.js';
import { requirePlan, setReportingStart } from '../../src/services/livelihood/index.js';
import { ADMIN_PASSWORD } from '../helpers/database.js';
import { startE2e, type E2e } from '../helpers/e2e.js';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');

describe('livelihood reporting and the leaders’ dashboard in Chromium', () => {
  let e: E2e;
  let clock = new Date('2023-04-03T04:00:00Z');
  const as = async (username: string) => {
    await e.page.context().clearCookies();
    await e.loginAs(username);
  };
  const totals = async () => (await e.page.getByTestId('totals').innerText()).replace(/\s+/g, ' ');

  beforeAll(async () => {
    e = await startE2e('pglite', { now: () => clock });
    await importDocuments(e.t.database, systemActor(), REAL, { source: 'yili-2023.txt' });
    const plan = await requirePlan(e.t.database.db);
    await setReportingStart(e.t.database, systemActor(), plan.id, '2023-03-01');
    const hr = (await findOrganization(e.t.database.db, '州人力资源和社会保障局'))?.id ?? null;
    await createUser(e.t.database, systemActor(), { username: 'hr-reporter', displayName: '人社局填报员', roles: ['department-reporter'], organizationId: hr, password: ADMIN_PASSWORD });
    await createUser(e.t.database, systemActor(), { username: 'duchashi', displayName: '督查室', roles: ['supervision-office'], organizationId: null, password: ADMIN_PASSWORD });
    await createUser(e.t.database, systemActor(), { username: 'boss', displayName: '州领导', roles: ['leader'], organizationId: null, password: ADMIN_PASSWORD });
  });
  afterAll(async () => e.close());

  it('shows the dashboard before the report: measure 5.1 behind schedule (yellow)', async () => {
    await as('boss');
    await e.page.goto(`${e.baseUrl}/livelihood/dashboard`);
    await poll(() => e.page.getByTestId('chart-projects').locator('canvas').count()).toBe(1);
    expect(await totals()).toBe('红灯 0 黄灯 41 绿灯 2');
    await e.screenshot('livelihood-dashboard-before');
    await e.page.goto(`${e.baseUrl}/livelihood`);
    await e.page.getByText('5. 实施农民工安“薪”无忧工程').click();
    await poll(() => e.page.getByRole('row', { name: /^5\.1 .*黄灯/ }).count()).toBe(1);
  });

  it('the unit reports progress on its task', async () => {
    await as('hr-reporter');
    await e.page.goto(`${e.baseUrl}/livelihood/my-tasks`);
    await poll(() => e.page.getByText('州人力资源和社会保障局牵头 14 项工作措施').count()).toBe(1);
    await e.page.getByTestId('report-5-1').click();
    const dialog = e.page.getByRole('dialog');
    await dialog.getByLabel('完成进度（%）').fill('50');
    await dialog.getByLabel('进展情况').fill('已完成全州在建工程项目欠薪排查，3月办结欠薪案件12件。');
    await e.screenshot('livelihood-report-form');
    await dialog.getByRole('button', { name: /报\s*送/ }).click();
    await poll(() => e.page.getByText('2023年3月进展已报送').count()).toBe(1);
    await poll(() => e.page.getByRole('row', { name: /^5\.1 .*已报送 2023-04-03/ }).count()).toBe(1);
    await e.screenshot('livelihood-my-tasks');
  });

  it('the dashboard light changes: one more green, one fewer yellow', async () => {
    await as('boss');
    await e.page.goto(`${e.baseUrl}/livelihood/dashboard`);
    await poll(() => totals()).toBe('红灯 0 黄灯 40 绿灯 3');
    await poll(() => e.page.getByTestId('chart-departments').locator('canvas').count()).toBe(1);
    await e.screenshot('livelihood-dashboard-after');
    await e.page.goto(`${e.baseUrl}/livelihood`);
    await e.page.getByText('5. 实施农民工安“薪”无忧工程').click();
    await poll(() => e.page.getByRole('row', { name: /^5\.1 .*绿灯/ }).count()).toBe(1);
    await e.screenshot('livelihood-projects');
  });

  it('督查室 sees the March reports: one in, the rest not yet due', async () => {
    await as('duchashi');
    await e.page.goto(`${e.baseUrl}/livelihood/reporting`);
    await poll(() => e.page.getByText('2023年3月报告应于 2023-04-10 前报送').count()).toBe(1);
    await poll(async () => (await e.page.getByTestId('reporting-counts').innerText()).replace(/\s+/g, ' ')).toBe('应报 47 按时 1 逾期 0 未报 0 未到期 46');
    await e.screenshot('livelihood-reporting');
  });

  it('at year end the dashboard lists the overdue and the red measures, each with its project', async () => {
    clock = new Date('2023-12-15T04:00:00Z');
    await as('boss');
    await e.page.goto(`${e.baseUrl}/livelihood/dashboard`);
    const overdueCard = e.page.locator('.ant-card').filter({ hasText: /^逾期未完成（\d+）/ });
    await poll(async () => Number((await overdueCard.locator('.ant-card-head-title').innerText()).match(/\d+/)?.[0])).toBeGreaterThan(0);
    const rows = overdueCard.locator('tbody tr.ant-table-row');
    const count = Number((await overdueCard.locator('.ant-card-head-title').innerText()).match(/\d+/)?.[0]);
    expect(await rows.count()).toBe(count);
    for (let i = 0; i < count; i += 1) {
      const cells = rows.nth(i).locator('td');
      expect(await cells.nth(0).innerText()).toMatch(/^\d+\.\d+$/);
      expect(await cells.nth(1).innerText()).not.toBe('');
      expect(await cells.nth(5).innerText()).toMatch(/^已超过完成时限（2023-\d\d-\d\d），进度\d+%/);
    }
    const red = e.page.getByTestId('red-list');
    expect(await red.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await e.page.getByTestId('totals').innerText()).toMatch(/^红灯\s+[1-9]/);
    await e.screenshot('livelihood-dashboard-year-end');
  });
});
