import fs, { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { findOrganization } from '../../src/services/directory/organizations.service.js';
import { importDocuments } from '../../src/services/documents/import-documents.js';
import { ADMIN_PASSWORD } from '../helpers/database.js';
import { RESULTS_DIR, startE2e, type E2e } from '../helpers/e2e.js';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

describe('press approval form in Chromium', () => {
  let e: E2e;
  let formUrl = '';
  const as = async (username: string) => {
    await e.page.context().clearCookies();
    await e.loginAs(username);
  };
  const upload = async (kind: 'release' | 'qa', name: string, bytes: Buffer) => {
    const file = path.join(RESULTS_DIR, name);
    fs.writeFileSync(file, bytes);
    const chooser = e.page.waitForEvent('filechooser');
    await e.page.getByTestId(`upload-${kind}`).click();
    await (await chooser).setFiles(file);
    await poll(() => e.page.getByText(new RegExp(`^${kind === 'release' ? '新闻发布稿' : '答记者问'}-20230410-`)).count()).toBe(1);
  };

  beforeAll(async () => {
    e = await startE2e('pglite', { now: () => new Date('2023-04-10T04:00:00Z') });
    await importDocuments(e.t.database, systemActor(), REAL, { source: 'yili-2023.txt' });
    const police = (await findOrganization(e.t.database.db, '州公安局'))?.id ?? null;
    const user = (username: string, displayName: string, roles: string[], organizationId: string | null) =>
      createUser(e.t.database, systemActor(), { username, displayName, roles, organizationId, password: ADMIN_PASSWORD });
    await user('police', '公安局宣传科', ['department-reporter'], police);
    await user('police-leader', '公安局副局长', ['leader'], police);
    await user('news', '新闻办', ['news-office'], null);
  });
  afterAll(async () => e.close());

  it('the unit fills in the form for its planned conference and submits it', async () => {
    await as('police');
    await e.page.goto(`${e.baseUrl}/press`);
    await poll(() => e.page.getByRole('row', { name: /伊犁州交通管理“放管服”新闻发布会/ }).count()).toBe(1);
    // the in-app reminder: planned this month, no form yet
    await poll(() => e.page.getByText('计划2023年4月召开，尚未填写审批单（须提前7个工作日报新闻办备案）').count()).toBe(1);
    await e.screenshot('press-plan');
    const row = e.page.getByRole('row', { name: /伊犁州交通管理/ });
    await row.getByRole('button', { name: '填写审批单' }).click();
    const dialog = e.page.getByRole('dialog');
    await dialog.getByLabel('发布会日期').fill('2023-05-04');
    await dialog.getByLabel('发布会日期').press('Enter');
    await dialog.getByLabel('开始时间（北京时间）').fill('11:00');
    await dialog.getByLabel('开始时间（北京时间）').press('Enter');
    await dialog.getByRole('button', { name: '建立审批单' }).click();
    await e.page.waitForURL(/\/press\/forms\//);
    formUrl = e.page.url();
    await poll(() => e.page.getByText('2023-04-20（发布会前第7个工作日）').count()).toBe(1);
    await e.page.getByLabel('主持人').fill('州公安局新闻发言人 李明');
    await e.page.getByLabel('出席领导').fill('州公安局党委委员、副局长');
    await e.page.getByText(/已准备书面材料/).click();
    await e.page.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => e.page.getByText('州公安局新闻发言人 李明').count()).toBeGreaterThan(0);
    await upload('release', '通稿.docx', DOCX);
    await upload('qa', '答记者问.pdf', PDF);
    await e.screenshot('press-form-ready');
    await e.page.getByRole('button', { name: '提交分管领导审定' }).click();
    await poll(() => e.page.getByText('待分管领导审定').count()).toBeGreaterThan(0);
    await e.screenshot('press-form-submitted');
  });

  it('the unit’s leader approves, the unit sends it, the news office files it', async () => {
    await as('police-leader');
    await e.page.goto(formUrl);
    await e.page.getByRole('button', { name: '审定同意' }).click();
    await poll(() => e.page.getByText('分管领导已审定').count()).toBeGreaterThan(0);

    await as('police');
    await e.page.goto(formUrl);
    await e.page.getByRole('button', { name: '报送新闻办备案' }).click();
    await poll(() => e.page.getByText('已报送，待备案').count()).toBeGreaterThan(0);

    await as('news');
    await e.page.goto(`${e.baseUrl}/press`);
    await poll(() => e.page.getByRole('row', { name: /伊犁州交通管理.*已报送，待备案/ }).count()).toBe(1);
    await e.page.goto(formUrl);
    await e.page.getByRole('button', { name: '登记备案' }).click();
    await poll(() => e.page.getByTestId('form-summary').getByText('已备案').count()).toBe(1);
    await poll(() => e.page.getByText('公安局副局长').count()).toBeGreaterThan(0);
    await e.screenshot('press-form-filed');
    await e.page.getByRole('button', { name: '打印' }).click();
    await poll(() => e.page.getByTestId('approval-sheet').getByText('2023年州直部门（单位）新闻发布会审批单').count()).toBe(1);
    await e.screenshot('press-form-print');
  });

  it('shows the working-day calendar of 2023 with the regional days, and warns for a year without data', async () => {
    await e.page.goto(`${e.baseUrl}/calendar?year=2023`);
    await poll(() => e.page.getByText('完整（全国 + 自治区）').count()).toBe(1);
    await poll(() => e.page.getByTestId('month-4').getByText('19个工作日').count()).toBe(1);
    await e.screenshot('calendar-2023');
    await e.page.goto(`${e.baseUrl}/calendar?year=2031`);
    await poll(() => e.page.getByText('没有2031年的工作日历').count()).toBe(1);
    await e.screenshot('calendar-2031-missing');
  });
});
