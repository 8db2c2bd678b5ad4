// Builds web/dist when it is missing or older than its sources (used by `npm start` and the tests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function ensureWebBuilt(say = (line) => process.stdout.write(`${line}\n`)) {
  const built = path.join(root, 'web/dist/index.html');
  const sources = Math.max(...['web/src', 'web/index.html', 'vite.config.ts'].map((p) => newestMtime(path.join(root, p))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  say('正在构建前端（首次启动或前端有更新）…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`前端构建失败（退出码 ${result.status}）`);
}
