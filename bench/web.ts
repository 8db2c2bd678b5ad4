/**
 * The web app: initial JS per page from the Vite manifest, and time to a rendered livelihood
 * dashboard in Chromium.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageJs {
  page: string;
  chunks: number;
  raw: number;
  gzip: number;
}

/**
 * web/dist is built without a manifest (vite.config.ts), so the same sources are built again with
 * `--manifest` into a temporary directory; the chunk names show whether it matches web/dist.
 */
function buildWithManifest(root: string): { dir: string; manifest: Manifest; sameAsDist: boolean } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-web-'));
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--manifest', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`vite build --manifest failed (${result.status})`);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const distAssets = path.join(root, 'web/dist/assets');
  const dist = new Set(fs.existsSync(distAssets) ? fs.readdirSync(distAssets) : []);
  const sameAsDist = Object.values(manifest).every((c) => dist.has(path.basename(c.file)));
  return { dir, manifest, sameAsDist };
}

/**
 * JS a browser loads to show each page: for a lazy page, the static imports of every chunk on the
 * chain of dynamic imports that leads to it (entry → AppShell → module → page), each file once.
 */
export function initialJsPerPage(root: string): { rows: PageJs[]; sameAsDist: boolean } {
  const { dir, manifest, sameAsDist } = buildWithManifest(root);
  try {
    const closure = (key: string, into: Set<string>) => {
      if (into.has(key)) return;
      into.add(key);
      for (const next of manifest[key].imports ?? []) closure(next, into);
    };
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
    if (!entry) throw new Error('no entry in the Vite manifest');
    // Breadth-first over dynamic imports: the shortest chain of lazy loads to each chunk.
    const chain = new Map<string, string[]>([[entry, [entry]]]);
    const queue = [entry];
    while (queue.length) {
      const key = queue.shift() as string;
      const reachable = new Set<string>();
      closure(key, reachable);
      for (const from of reachable) {
        for (const next of manifest[from].dynamicImports ?? []) {
          if (chain.has(next)) continue;
          chain.set(next, [...(chain.get(key) ?? []), next]);
          queue.push(next);
        }
      }
    }
    const sizes = new Map<string, { raw: number; gzip: number }>();
    const size = (file: string) => {
      let s = sizes.get(file);
      if (!s) {
        const buffer = fs.readFileSync(path.join(dir, file));
        s = { raw: buffer.length, gzip: gzipSync(buffer, { level: 6 }).length };
        sizes.set(file, s);
      }
      return s;
    };
    const rows: PageJs[] = [];
    for (const [key, keys] of chain) {
      if (key !== entry && !/Page\.tsx$/.test(key)) continue;
      const files = new Set<string>();
      for (const k of keys) {
        const reachable = new Set<string>();
        closure(k, reachable);
        for (const r of reachable) if (manifest[r].file.endsWith('.js')) files.add(manifest[r].file);
      }
      const total = [...files].reduce((acc, f) => ({ raw: acc.raw + size(f).raw, gzip: acc.gzip + size(f).gzip }), { raw: 0, gzip: 0 });
      const page = key === entry ? 'entry only (index.html)' : key.replace(/^src\/features\//, '').replace(/\.tsx$/, '');
      rows.push({ page, chunks: files.size, ...total });
    }
    rows.sort((a, b) => a.page.localeCompare(b.page));
    return { rows, sameAsDist };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RenderTimes {
  /** Empty browser cache (a new context with the session cookie). */
  firstVisit: number[];
  /** The same context again: JS from the cache. */
  repeatVisit: number[];
}

/**
 * Time from navigation to the livelihood dashboard showing its light totals and its projects
 * chart, logged in through the login page as `username`.
 */
export async function dashboardRenderTimes(baseUrl: string, username: string, password: string, runs = 5): Promise<RenderTimes> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const login = await browser.newContext({ locale: 'zh-CN' });
    const page = await login.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const state = await login.storageState();
    await login.close();
    const times: RenderTimes = { firstVisit: [], repeatVisit: [] };
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ locale: 'zh-CN', storageState: state, viewport: { width: 1366, height: 860 } });
      const tab = await context.newPage();
      for (const into of [times.firstVisit, times.repeatVisit]) {
        const started = performance.now();
        await tab.goto(`${baseUrl}/livelihood/dashboard`);
        await tab.getByTestId('totals').waitFor({ state: 'visible', timeout: 60_000 });
        await tab.getByTestId('chart-projects').locator('canvas').waitFor({ state: 'attached', timeout: 60_000 });
        into.push(performance.now() - started);
      }
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
