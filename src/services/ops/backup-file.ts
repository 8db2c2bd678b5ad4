import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { DatabaseKind } from '../../db/client.js';
import { DomainError } from '../../domain/errors.js';
import type { SequenceValue, TableColumn } from './catalog.js';

/**
 * The backup file: gzip (node:zlib) of JSON lines.
 *
 *   line 1                 the header (BackupHeader): migrations, tables in restore order with
 *                          their columns, row counts and checksums, sequences
 *   per table              {"table": name, "rows": n}, then n lines, one per row: a JSON array of
 *                          the columns' text forms (null for NULL), generated columns left out
 *   last line              {"end": "yizheng-backup", "tables": k, "rows": total}
 *
 * Text forms are what COPY writes, so every type round-trips exactly; gzip's CRC catches a damaged
 * file, the end line a truncated one, and the checksums anything else.
 */
export const BACKUP_FORMAT = 'yizheng-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: TableColumn[];
  primaryKey: string[];
  rows: number;
  checksum: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  source: { kind: DatabaseKind; location: string; serverVersion: string };
  migrations: string[];
  /** In restore (foreign-key) order. */
  tables: BackupTable[];
  sequences: SequenceValue[];
}

export interface TableMarker {
  table: string;
  rows: number;
}

export interface EndMarker {
  end: typeof BACKUP_FORMAT;
  tables: number;
  rows: number;
}

export function corrupt(file: string, detail: string): DomainError {
  return new DomainError('BACKUP_CORRUPT', `备份文件 ${file} 无法使用：${detail}。未写入任何数据。`, 400, { file });
}

/** Writes to FILE.partial-<pid>, then fsyncs and renames: a failed backup leaves no half file. */
export class BackupWriter {
  private readonly partial: string;
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly out: fs.WriteStream;
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial-${process.pid}`;
    this.out = fs.createWriteStream(this.partial, { flags: 'wx' });
    this.gzip.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.bytes += chunk.length;
    });
    this.gzip.pipe(this.out);
  }

  async line(text: string): Promise<void> {
    if (!this.gzip.write(`${text}\n`)) await once(this.gzip, 'drain');
  }

  /** Returns the size and sha256 of the finished (compressed) file. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.gzip.end();
    await finished(this.out);
    const fd = fs.openSync(this.partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(this.partial, this.file);
    syncDirectory(path.dirname(path.resolve(this.file)));
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  abort(): void {
    this.gzip.destroy();
    this.out.destroy();
    fs.rmSync(this.partial, { force: true });
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename is still atomic.
  }
}

/** The lines of a backup file, decompressed as they are read. gzip and read errors are thrown. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new DomainError('NOT_FOUND', `备份文件 ${file} 不存在`, 404);
  const source = pipeline(fs.createReadStream(file), zlib.createGunzip(), () => undefined);
  source.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of source as AsyncIterable<string>) {
      rest += chunk;
      let start = 0;
      for (let nl = rest.indexOf('\n', start); nl !== -1; nl = rest.indexOf('\n', start)) {
        yield rest.slice(start, nl);
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? '文件被截断（gzip 数据不完整）' : `解压失败（${(error as Error).message}）`;
    throw corrupt(file, reason);
  }
  if (rest.length > 0) throw corrupt(file, '最后一行不完整（文件被截断）');
}

export function parseHeader(file: string, line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw corrupt(file, '不是伊政通备份文件（文件头无法解析）');
  }
  if (header.format !== BACKUP_FORMAT) throw corrupt(file, '不是伊政通备份文件');
  if (header.version !== BACKUP_VERSION) {
    throw corrupt(file, `备份格式版本 ${String(header.version)} 不受支持（本程序支持版本 ${BACKUP_VERSION}）`);
  }
  if (!Array.isArray(header.tables) || !Array.isArray(header.migrations) || !Array.isArray(header.sequences)) {
    throw corrupt(file, '文件头不完整');
  }
  return header as BackupHeader;
}

export function parseMarker<T extends TableMarker | EndMarker>(file: string, line: string, lineNo: number): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw corrupt(file, `第 ${lineNo} 行无法解析`);
  }
}
