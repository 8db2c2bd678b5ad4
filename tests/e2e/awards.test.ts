/**
 * 体育奖励 in Chromium: a coach enters a result and reads the computed lines beside the article
 * text, saves, uploads the materials and submits; the sports bureau reviews and publishes the 7-day
 * notice, and after it reports to the government; the office approves from the year's plan.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../src/domain/awards/id-card.js';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { ensureOrganization } from '../../src/services/directory/organizations.service.js';
import { ADMIN_PASSWORD } from '../helpers/database.js';
import { startE2e, type E2e } from '../helpers/e2e.js';

/** Pages load their chunks lazily: give the first render time on a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });
const withCheck = (first17: string) => `${first17}${idCardCheckChar(first17)}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(256)]);

describe('sports awards in Chromium', () => {
  let e: E2e;
  let clock = new Date('2023-09-01T04:00:00Z');
  let applicationUrl = '';
  let noticeUrl = '';

  const switchUser = async (username: string) => {
    await e.page.context().clearCookies();
    await e.loginAs(username);
  };
  /** An antd Select: open it by its field id and pick the option. */
  const choose = async (fieldId: string, option: string) => {
    await e.page.locator(`#${fieldId}`).click();
    await e.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  };
  const date = async (fieldId: string, value: string) => {
    await e.page.locator(`#${fieldId}`).click();
    await e.page.locator(`#${fieldId}`).fill(value);
    await e.page.locator(`#${fieldId}`).press('Enter');
  };

  beforeAll(async () => {
    e = await startE2e('pglite', { now: () => clock });
    const db = e.t.database;
    const county = await db.db.transaction((tx) => ensureOrganization(tx, '伊宁县', 'county'));
    for (const [username, role, organizationId] of [
      ['coach', 'department-reporter', null],
      ['reviewer', 'sports-reviewer', null],
      ['approver', 'office-staff', null],
      ['yining', 'county-user', county.id],
    ] as const) {
      await createUser(db, systemActor(), { username, displayName: username, roles: [role], organizationId, password: ADMIN_PASSWORD });
    }
  });
  afterAll(async () => e.close());

  it('enters a result and shows each computed line with its explanation beside the article text', async () => {
    await switchUser('coach');
    await e.page.goto(`${e.baseUrl}/awards/new`);
    await e.page.locator('#applicantName').fill('张伟');
    await choose('games', '区运会（自治区运动会）');
    await date('date', '2023-08-10');
    await e.page.locator('#sport').fill('田径');
    await e.page.locator('#place').fill('1');
    await e.page.locator('#team').fill('伊犁州田径队');
    await date('enteredTeamOn', '2021-03-01');
    await e.page.locator('#athletes_0_name').fill('阿力木');
    await e.page.locator('#athletes_0_county').fill('伊宁县');
    await e.page.locator('#athletes_0_idNumber').fill(withCheck('65400220050307123'));
    await e.page.locator('#coaches_0_name').fill('张伟');
    await e.page.locator('#coaches_0_idNumber').fill(withCheck('65400219800512201'));
    const headLine = '第十三条第（三）项：区运会个人第1名 20000元 × 现任主管教练员 80%（培训满二年不满三年） = 16000元';
    await poll(() => e.page.getByTestId('basis').filter({ hasText: headLine }).count()).toBe(1);
    await poll(() => e.page.getByTestId('article-text').filter({ hasText: '（三）培训运动员（队）时间满二年以上不足三年的' }).count()).toBe(1);
    await poll(() => e.page.getByTestId('award-total').textContent()).toBe('40,000.00元');
    await poll(() => e.page.getByTestId('reasons').textContent()).toContain('未填写原输送教练员');
    await e.screenshot('awards-1-entry-live-computation');
  });

  it('saves, uploads the materials of 第十九条 and submits', async () => {
    await e.page.getByRole('button', { name: /保存为草稿/ }).click();
    await e.page.waitForURL(/\/awards\/[0-9a-f-]{36}$/);
    applicationUrl = e.page.url();
    await poll(() => e.page.getByTestId('application-status').textContent()).toBe('草稿');
    await e.page.locator('input[type=file]').setInputFiles({ name: '获奖证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await poll(() => e.page.getByRole('cell', { name: '比赛成绩册' }).count()).toBe(1);
    await e.page.locator('div.ant-select[aria-label="材料类别"]').click();
    await e.page.locator('.ant-select-dropdown:visible').getByTitle('身份证复印件').click();
    await e.page.locator('input[type=file]').setInputFiles({ name: 'id.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await poll(() => e.page.getByRole('cell', { name: '身份证复印件' }).count()).toBe(1);
    await e.page.getByRole('button', { name: /提交申请/ }).click();
    await poll(() => e.page.getByTestId('application-status').textContent()).toBe('待审核');
    await e.screenshot('awards-2-submitted');
  });

  it('is reviewed by the sports bureau, which publishes the 7-day notice', async () => {
    clock = new Date('2023-09-04T04:00:00Z');
    await switchUser('reviewer');
    await e.page.goto(applicationUrl);
    await e.page.getByRole('button', { name: /审核通过/ }).click();
    await e.page.locator('.ant-modal textarea').fill('材料齐全，成绩属实');
    await e.page.locator('.ant-modal').getByRole('button', { name: /审核通过/ }).click();
    await poll(() => e.page.getByTestId('application-status').textContent()).toBe('审核通过待公示');
    await e.page.goto(`${e.baseUrl}/awards/notices`);
    await e.page.getByRole('button', { name: /发布公示/ }).click();
    await e.page.locator('.ant-modal .ant-table-tbody .ant-checkbox-input').first().check();
    await e.page.locator('.ant-modal').getByRole('button', { name: /发布公示/ }).click();
    await e.page.waitForURL(/\/awards\/notices\/[0-9a-f-]{36}$/);
    noticeUrl = e.page.url();
    await poll(() => e.page.getByText('公示期：2023-09-05 至 2023-09-11（7天，自发布次日起计算）').count()).toBe(1);
    await poll(() => e.page.getByTestId('notice-state').textContent()).toBe('公示中');
    await e.screenshot('awards-3-notice');
    await e.page.getByRole('button', { name: /打\s*印/ }).click();
    await poll(() => e.page.getByTestId('award-notice').textContent()).toContain('公示期：2023年9月5日至2023年9月11日（7天）');
    await e.screenshot('awards-4-notice-print');
  });

  it('reports the list after the notice period and is approved from the year’s plan', async () => {
    clock = new Date('2023-09-12T04:00:00Z');
    await switchUser('reviewer');
    await e.page.goto(noticeUrl);
    await e.page.getByRole('button', { name: /报州人民政府审批/ }).click();
    await poll(() => e.page.getByTestId('notice-state').textContent()).toBe('已报州政府审批');
    await switchUser('approver');
    await e.page.goto(`${e.baseUrl}/awards/plan`);
    await e.page.locator('div.ant-select[aria-label="年度"]').click();
    await e.page.locator('.ant-select-dropdown:visible').getByTitle('2023年').click();
    await poll(() => e.page.getByText('伊宁县财政').count()).toBe(1);
    await e.screenshot('awards-5-plan');
    await e.page.getByRole('button', { name: /^批\s*准$/ }).click();
    await poll(() => e.page.getByText('已批准').count()).toBeGreaterThan(0);
    await e.page.goto(applicationUrl);
    await poll(() => e.page.getByTestId('application-status').textContent()).toBe('已批准');
    await e.screenshot('awards-6-approved');
  });

  it('shows the county what it owes', async () => {
    await switchUser('yining');
    await e.page.goto(`${e.baseUrl}/awards/ledger`);
    await poll(() => e.page.getByTestId('county-obligation').textContent()).toContain('伊宁县：4,000.00元');
    await e.screenshot('awards-7-county-ledger');
  });
});
