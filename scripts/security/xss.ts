/**
 * Stored-XSS check: `npm run security:xss`.
 *
 * 1. Plant: the real app on loopback (throwaway PGlite data dir, bundled documents imported). Every
 *    state-changing /api route with a JSON body is called again and again with a valid body (from
 *    its zod schema, id fields naming real records) whose free-text fields — every string field
 *    that accepts the payload — carry XSS payloads, packed as many as the field's length allows,
 *    until each field has stored every payload or the route stops accepting (a state transition
 *    happens once per record). Answers' ids feed later routes' paths and id fields.
 * 2. Render: every page of the web app (web/src/features/registry.tsx and each module's nested
 *    routes, detail pages of the records made) in Chromium (playwright-core), as a user allowed to
 *    see it, with alert/confirm/prompt hooked, a `window.__yzXss` marker the payloads try to set, a
 *    `securitypolicyviolation` listener, and a count of dangerous DOM (on* attributes, javascript:
 *    URLs) and of payload tags shown as text.
 * Prints the planting table and one row per page; exit code 1 on any execution.
 *
 *   XSS_REPS=120 XSS_DETAILS=4 npm run security:xss
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { complete, plant } from './plant.js';
import { say, startTarget, table, type HttpSession, type Target } from './target.js';
import { PAYLOAD_TAG, xssPayloads } from './xss-payloads.js';

const REPS = Number(process.env.XSS_REPS ?? 120);
const DETAILS = Number(process.env.XSS_DETAILS ?? 4);
const RESULTS = path.resolve('test-results/xss');
/** The bundled documents are of 2023: server and browser see 2023-10-10 (10:00 in Urumqi), so that pages defaulting to the current year show the records. */
const TODAY = new Date('2023-10-10T04:00:00Z');

const PAYLOADS = xssPayloads();

const HOOK = `
  (() => {
    const hits = [];
    const violations = [];
    Object.defineProperty(window, '__yzHits', { value: hits });
    Object.defineProperty(window, '__yzViolations', { value: violations });
    for (const name of ['alert', 'confirm', 'prompt']) {
      window[name] = (arg) => { hits.push(name + '(' + String(arg) + ')'); return name === 'prompt' ? '' : true; };
    }
    let marker;
    Object.defineProperty(window, '__yzXss', { get: () => marker, set: (v) => { marker = v; hits.push('__yzXss=' + String(v)); }, configurable: false });
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '').slice(0, 60));
    });
  })();
`;

interface PageResult {
  page: string;
  user: string;
  status: string;
  payloadsShown: number;
  executions: string[];
  violations: string[];
  onAttributes: number;
  jsUrls: number;
}

async function renderPage(page: Page, baseUrl: string, pathname: string): Promise<Omit<PageResult, 'page' | 'user'>> {
  let status = 'ok';
  try {
    const res = await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'networkidle', timeout: 30_000 });
    if (!res || res.status() >= 400) status = `HTTP ${res?.status() ?? '?'}`;
  } catch (error) {
    status = `error: ${(error as Error).message.split('\n')[0].slice(0, 60)}`;
  }
  await page.waitForTimeout(800);
  // Scroll through the page so lazy parts render, and let focus/toggle handlers have their chance.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  }).catch(() => undefined);
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => {
    const w = window as unknown as { __yzHits: string[]; __yzViolations: string[] };
    let onAttributes = 0;
    let jsUrls = 0;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) onAttributes += 1;
        if (/^(href|src|action|formaction|data|background|xlink:href)$/i.test(attr.name) && /^\s*(javascript|data:text\/html)/i.test(attr.value.replace(/[\t\n\r]/g, ''))) jsUrls += 1;
      }
    }
    return { hits: [...w.__yzHits], violations: [...w.__yzViolations], text: document.body.innerText, onAttributes, jsUrls };
  });
  const shown = new Set([...found.text.matchAll(PAYLOAD_TAG)].map((m) => m[1]));
  return { status, payloadsShown: shown.size, executions: found.hits, violations: found.violations, onAttributes: found.onAttributes, jsUrls: found.jsUrls };
}

const STATIC_PAGES: [string, string][] = [
  ['/', 'sec-broad'],
  ['/documents', 'sec-broad'],
  ['/documents/import', 'sec-broad'],
  ['/directory/people', 'sec-broad'],
  ['/directory/organizations', 'sec-broad'],
  ['/directory/duplicates', 'sec-broad'],
  ['/bodies', 'sec-broad'],
  ['/awards', 'sec-broad'],
  ['/awards', 'sec-county-user'],
  ['/awards/new', 'sec-broad'],
  ['/awards/import', 'sec-broad'],
  ['/awards/notices', 'sec-broad'],
  ['/awards/plan', 'sec-broad'],
  ['/awards/ledger', 'sec-broad'],
  ['/press', 'sec-broad'],
  ['/press', 'sec-news-office'],
  ['/livelihood/dashboard', 'sec-broad'],
  ['/livelihood/my-tasks', 'sec-broad'],
  ['/livelihood/reporting', 'sec-broad'],
  ['/livelihood/supervisions', 'sec-broad'],
  ['/calendar', 'sec-broad'],
  ['/calendar', 'sec-system-admin'],
  ['/admin/users', 'sec-system-admin'],
  ['/admin/users', 'sec-security-admin'],
  ['/admin/organizations', 'sec-system-admin'],
  ['/audit', 'sec-auditor'],
  ['/account/password', 'sec-broad'],
];

/** Detail pages: web path pattern, the id pool it names, who looks. */
const DETAIL_PAGES: [string, string, string][] = [
  ['/documents/:id', 'documents', 'sec-broad'],
  ['/directory/people/:id', 'people', 'sec-broad'],
  ['/bodies/:id', 'bodies', 'sec-broad'],
  ['/awards/:id', 'applications', 'sec-broad'],
  ['/awards/:id/edit', 'applications', 'sec-broad'],
  ['/awards/notices/:id', 'notices', 'sec-broad'],
  ['/awards/notices/:id/print', 'notices', 'sec-broad'],
  ['/press/forms/:id', 'forms', 'sec-broad'],
  ['/press/forms/:id/print', 'forms', 'sec-broad'],
  ['/livelihood/measures/:id', 'measures', 'sec-broad'],
];

async function loginPage(browser: Browser, baseUrl: string, target: Target, username: string): Promise<Page> {
  const session = target.sessions.get(username) as HttpSession;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
  const cookies = session.cookie.split('; ').map((c) => {
    const [name, value] = c.split('=');
    return { name, value, url: baseUrl };
  });
  await context.addCookies(cookies);
  await context.addInitScript(HOOK);
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.dismiss());
  return page;
}

async function render(target: Target, pages: { page: string; user: string }[]): Promise<PageResult[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const byUser = new Map<string, Page>();
  const results: PageResult[] = [];
  try {
    // The login page, anonymous.
    const anonymous = await browser.newContext({ locale: 'zh-CN' });
    await anonymous.addInitScript(HOOK);
    await anonymous.clock.setFixedTime(TODAY);
    const loginResult = await renderPage(await anonymous.newPage(), target.baseUrl, '/login');
    results.push({ page: '/login', user: '(anonymous)', ...loginResult });
    for (const { page: pathname, user } of pages) {
      let page = byUser.get(user);
      if (!page) {
        page = await loginPage(browser, target.baseUrl, target, user);
        byUser.set(user, page);
      }
      const result = await renderPage(page, target.baseUrl, pathname);
      results.push({ page: pathname, user, ...result });
      say(`  ${result.executions.length ? '✗' : '·'} ${pathname} (${user}): ${result.payloadsShown} 个载荷显示为文本，执行 ${result.executions.length}，CSP 违规 ${result.violations.length}`);
      if (result.executions.length || result.violations.length) await page.screenshot({ path: path.join(RESULTS, `${pathname.replace(/[^A-Za-z0-9]+/g, '_')}.png`), fullPage: true });
    }
  } finally {
    await browser.close();
  }
  return results;
}

function pagesToRender(target: Target, createdIds: Set<string>): { page: string; user: string }[] {
  const pages = STATIC_PAGES.map(([page, user]) => ({ page, user }));
  for (const [pattern, pool, user] of DETAIL_PAGES) {
    const ids = target.ids.get(pool);
    // Records the planting made come first: they carry the payloads.
    const chosen = [...ids.filter((id) => createdIds.has(id)), ...ids.filter((id) => !createdIds.has(id))].slice(0, DETAILS);
    for (const id of chosen) pages.push({ page: pattern.replace(':id', id), user });
  }
  return pages;
}

async function main() {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  say(`载荷 ${PAYLOADS.length} 个（${new Set(PAYLOADS.map((p) => p.text)).size} 个不同）`);
  say('启动目标：回环地址上的应用（临时 PGlite 数据目录，导入随附公文）…');
  const target = await startTarget({ now: () => TODAY });
  const before = new Set([...target.ids.pools.values()].flat());
  say(`植入：每个有 JSON 请求体的状态变更路由，最多 ${REPS} 次/轮，两轮…`);
  const planted = await plant(target, PAYLOADS, REPS);
  const createdIds = new Set([...target.ids.pools.values()].flat().filter((id) => !before.has(id)));
  const rows = [['route', 'sent', '2xx', 'text fields', 'complete', 'payloads stored/fitting per field (min)']];
  let fieldsTotal = 0;
  let fieldsFull = 0;
  let fields100 = 0;
  for (const r of planted.sort((a, b) => a.route.localeCompare(b.route))) {
    const fields = [...r.fields.values()];
    fieldsTotal += fields.length;
    fieldsFull += fields.filter(complete).length;
    fields100 += fields.filter((f) => f.stored.size >= 100).length;
    const weakest = fields.sort((a, b) => a.stored.size - b.stored.size)[0];
    rows.push([r.route, String(r.sent), String(r.accepted), String(fields.length), String(fields.filter(complete).length), weakest ? `${weakest.stored.size}/${weakest.fitting?.size ?? 0}` : '-']);
  }
  say('\n' + table(rows));
  say(`\n自由文本字段 ${fieldsTotal} 个：${fieldsFull} 个存入了能放下的全部载荷，${fields100} 个存入 ≥ 100 个；新建记录 ${createdIds.size} 条`);
  const short = planted.flatMap((r) => [...r.fields.entries()].filter(([, f]) => !complete(f)).map(([name, f]) => `${r.route} ${name}: ${f.stored.size}/${f.fitting?.size ?? 0}（${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')}）`));
  if (short.length) say(`未存满的字段（已存/能放下）：\n${short.map((s) => `  - ${s}`).join('\n')}`);
  const notPlanted = target.routes.filter((r) => r.stateChanging && !r.body).map((r) => r.key);
  say(`无 JSON 请求体、未植入的状态变更路由（上传或无参数动作）：${notPlanted.join('，')}`);

  say('\n渲染页面（Chromium）…');
  const results = await render(target, pagesToRender(target, createdIds));
  say('\n' + table([
    ['page', 'user', 'status', 'payloads shown', 'executions', 'CSP violations', 'on* attrs', 'js: URLs'],
    ...results.map((r) => [r.page, r.user, r.status, String(r.payloadsShown), String(r.executions.length), String(r.violations.length), String(r.onAttributes), String(r.jsUrls)]),
  ]));
  const executions = results.flatMap((r) => r.executions.map((e) => `${r.page}: ${e}`));
  const violations = results.flatMap((r) => r.violations.map((v) => `${r.page}: ${v}`));
  say(`\n页面 ${results.length} 个；执行 ${executions.length} 次；CSP 违规 ${violations.length} 次；用时 ${Math.round((Date.now() - started) / 1000)} s`);
  if (executions.length) say(`执行：\n${executions.map((e) => `  - ${e}`).join('\n')}`);
  if (violations.length) say(`CSP 违规：\n${violations.slice(0, 40).map((v) => `  - ${v}`).join('\n')}`);
  await target.close();
  process.exit(executions.length ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
