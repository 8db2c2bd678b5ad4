import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

const run = promisify(execFile);
const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-data-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('embedded data dir', () => {
  it('lets one process at a time open it, with a clear error for the second', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir }, async (db) => void (await migrate(db)));
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir }, async () => undefined)).rejects.toThrow(/正被进程 \d+ 使用/);
      const cli = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'list'], {
        env: { ...process.env, YIZHENG_DATA_DIR: dataDir, YIZHENG_ADMIN_PASSWORD: 'Ili-Gov-Office-7' },
      }).catch((e: { code: number; stderr: string }) => e);
      expect(cli).toMatchObject({ code: 1 });
      expect((cli as { stderr: string }).stderr).toContain('正被进程');
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: 'pglite', dataDir }, async () => undefined);
    await again.close();
  }, 240_000);

  it('takes over a lock left by a dead process', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'yizheng.lock'), '999999');
    const db = await openDatabase({ kind: 'pglite', dataDir }, async () => undefined);
    await db.close();
  });

  it('leaves no broken data dir when the first initialisation fails half-way', async () => {
    const dataDir = tempDir();
    await expect(
      openDatabase({ kind: 'pglite', dataDir }, async (db) => {
        await migrate(db);
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
    let initialised = false;
    const db = await openDatabase({ kind: 'pglite', dataDir }, async (fresh) => {
      await migrate(fresh);
      initialised = true;
    });
    await db.close();
    expect(initialised).toBe(true);
    expect(fs.readdirSync(dataDir).filter((e) => e.startsWith('pgdata.init-'))).toEqual([]);
  }, 240_000);
});
