import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { importDocuments } from '../../src/services/documents/import-documents.js';
import { ADMIN_PASSWORD } from '../helpers/database.js';
import { startE2e, type E2e } from '../helpers/e2e.js';

/** Pages load their chunks lazily: give the first render time on a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const REAL = readFileSync(new URL('../../assets/documents/yili-2023-government-documents.txt', import.meta.url), 'utf8');

describe('coordination bodies in Chromium', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e('pglite', { now: () => new Date('2023-04-01T04:00:00Z') });
    await importDocuments(e.t.database, systemActor(), REAL, { source: 'yili-2023.txt' });
    await createUser(e.t.database, systemActor(), { username: 'staff', displayName: '办公厅值班员', roles: ['office-staff'], organizationId: null, password: ADMIN_PASSWORD });
    await e.loginAs('staff');
  });
  afterAll(async () => e.close());

  it('lists the five bodies', async () => {
    await e.page.goto(`${e.baseUrl}/bodies`);
    await poll(() => e.page.locator('.ant-card').count()).toBe(5);
    await poll(() => e.page.getByText('自治州人民政府教育督导委员会').count()).toBe(1);
    await e.screenshot('bodies-list');
  });

  it('opens the education-supervision committee and sees its roster grouped by rank', async () => {
    await e.page.getByText('自治州人民政府教育督导委员会').click();
    await e.page.waitForURL(/\/bodies\/[0-9a-f-]{36}/);
    await poll(() => e.page.getByRole('heading', { name: '自治州人民政府教育督导委员会' }).count()).toBe(1);
    const leaders = e.page.getByTestId('rank-leader');
    await poll(() => leaders.getByRole('link', { name: '刘庆华' }).count()).toBe(1);
    await poll(() => e.page.getByTestId('rank-deputy').locator('tbody tr').count()).toBe(3);
    await poll(() => e.page.getByTestId('rank-member').locator('tbody tr').count()).toBe(24);
    await poll(() => e.page.getByRole('link', { name: '李静' }).count()).toBe(1);
    await poll(() => e.page.getByRole('tab', { name: '联络员（24）' }).count()).toBe(1);
    await e.screenshot('body-committee-roster');
  });

  it('shows the liaisons and the history with the diff', async () => {
    await e.page.getByRole('tab', { name: '联络员（24）' }).click();
    await poll(() => e.page.getByRole('link', { name: '李文鲁' }).count()).toBe(1);
    await poll(() => e.page.getByText('联络员工作职责').count()).toBeGreaterThan(0);
    await e.screenshot('body-committee-liaisons');
    await e.page.getByRole('tab', { name: /历史版本/ }).click();
    await poll(() => e.page.getByText('第1版').count()).toBeGreaterThan(0);
  });

  it('finds 达列力别克·坎加汗 by typing dlbk, and opens the person page with four bodies', async () => {
    await e.page.goto(`${e.baseUrl}/directory/people`);
    await e.page.getByLabel('查找人员').fill('dlbk');
    await poll(() => e.page.getByRole('link', { name: '达列力别克·坎加汗' }).count()).toBe(1);
    await e.page.getByRole('link', { name: '达列力别克·坎加汗' }).click();
    await poll(() => e.page.getByText('议事协调机构（4）').count()).toBe(1);
    await e.screenshot('person-page');
  });
});
