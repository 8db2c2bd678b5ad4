import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../domain/errors.js';

export interface DataDirLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time may open an embedded data dir: PGlite is a single-process database and a
 * second writer would corrupt it. A lock left by a dead process (kill -9, power loss) is taken over.
 */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'yizheng.lock');
  if (heldHere.has(file)) throw lockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw lockedError(dataDir, owner);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DomainError('DATA_DIR_LOCKED', `无法锁定数据目录 ${dataDir}`, 409);
}

function lockedError(dataDir: string, owner: number): DomainError {
  return new DomainError(
    'DATA_DIR_LOCKED',
    `数据目录 ${dataDir} 正被进程 ${owner} 使用。嵌入式数据库同一时间只能由一个进程打开：请先停止该进程，或改用 DATABASE_URL 连接 PostgreSQL。`,
    409,
  );
}
