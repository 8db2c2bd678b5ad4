import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { ADMIN_PASSWORD } from '../helpers/database.js';
import { RESULTS_DIR, startE2e, type E2e } from '../helpers/e2e.js';

/** Pages load their chunks lazily: give the first render time on a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');

describe('documents in Chromium', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e('pglite', { now: () => new Date('2023-04-01T04:00:00Z') });
    await createUser(e.t.database, systemActor(), { username: 'clerk', displayName: '文书', roles: ['office-staff'], organizationId: null, password: ADMIN_PASSWORD });
    await e.loginAs('clerk');
  });
  afterAll(async () => e.close());

  it('shows the line of a text that cannot be parsed, and imports nothing', async () => {
    await e.page.goto(`${e.baseUrl}/documents/import`);
    const broken = REAL.split('\n').map((l, i) => (i === 303 ? '伊州政办函〔2023〕号' : l)).join('\n');
    await e.page.getByLabel('公文文本').fill(broken);
    await e.page.getByRole('button', { name: /导\s*入/ }).click();
    await poll(() => e.page.getByText('第304行：发文字号格式不正确').count()).toBeGreaterThan(0);
    await poll(() => e.page.getByText('第304行的内容').count()).toBe(1);
  });

  it('imports the 2023 file and reports documents and bodies', async () => {
    await e.page.getByLabel('公文文本').fill(REAL);
    await e.page.getByRole('button', { name: /导\s*入/ }).click();
    await poll(() => e.page.getByText('共 5 份公文：新增 5 份，未变 0 份').count()).toBe(1);
    await poll(() => e.page.getByText('自治州人民政府教育督导委员会（组成人员28人，联络员24人）').count()).toBe(1);
    await e.screenshot('documents-import-result');
  });

  it('searches the full text and opens a document in its printed layout with a table of contents', async () => {
    await e.page.goto(`${e.baseUrl}/documents`);
    await e.page.getByPlaceholder(/输入标题、发文字号/).fill('奖励办法');
    await e.page.getByRole('button', { name: /检\s*索/ }).click();
    await poll(() => e.page.locator('tbody tr').count()).toBe(1);
    await e.page.getByRole('link', { name: /参赛各类大型运动会奖励办法/ }).click();
    await poll(() => e.page.getByTestId('doc-number').textContent()).toBe('伊州政办规〔2023〕1号');
    await poll(() => e.page.getByText('伊犁哈萨克自治州人民政府办公厅文件').count()).toBe(1);
    await e.page.screenshot({ path: `${RESULTS_DIR}/document-printed-top.png` });
    await e.page.locator('.ant-anchor').getByText('第八章 奖励金的审核及拨付').click();
    await e.screenshot('document-printed');
  });
});
