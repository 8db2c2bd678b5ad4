import type { Config } from '../../config.js';
import { dataDirHasDatabase, openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { DomainError } from '../../domain/errors.js';
import { describeTarget, databaseTarget } from '../../runtime.js';
import { archiveAuditRecords } from '../../services/ops/audit-retention.js';
import { createBackup } from '../../services/ops/backup.js';
import { listJobRuns } from '../../services/ops/jobs.js';
import { restoreBackup, type RestoreReport } from '../../services/ops/restore.js';
import { CliUsageError, type CliCommand, type CliContext } from '../command.js';

/**
 * Opens the configured database as it is: no migrations, no admin account, no first-run import.
 * A backup must not change what it copies, nor create an embedded database that was never there.
 */
async function openExisting(config: Config): Promise<Database> {
  if (!config.databaseUrl && !dataDirHasDatabase(config.dataDir)) {
    throw new DomainError('NOT_FOUND', `数据目录 ${config.dataDir} 中还没有数据库`, 404);
  }
  return openDatabase(databaseTarget(config), async () => undefined);
}

/**
 * Restores into the configured database. An embedded data dir that does not exist yet is created
 * and restored in its staging dir, so a failed restore leaves no data dir at all.
 */
async function restoreInto(ctx: CliContext, file: string): Promise<{ report: RestoreReport; where: string }> {
  let report: RestoreReport | null = null;
  const database = await openDatabase(databaseTarget(ctx.config), async (fresh) => {
    await migrate(fresh);
    report = await restoreBackup(fresh, ctx.actor, file);
  });
  try {
    if (!report) {
      await migrate(database);
      report = await restoreBackup(database, ctx.actor, file);
    }
    return { report, where: describeTarget(database) };
  } finally {
    await database.close();
  }
}

function fileArgument(positionals: string[]): string {
  if (positionals.length !== 1) throw new CliUsageError('需要一个文件名');
  return positionals[0];
}

export const opsCommands: CliCommand[] = [
  {
    path: ['backup'],
    usage: 'backup FILE [--force] [--json]',
    summary: '在一个一致快照中备份整个数据库（gzip，含各表行数与校验和）',
    options: { force: { type: 'boolean' } },
    async run(ctx, { positionals, values }) {
      const file = fileArgument(positionals);
      const database = await openExisting(ctx.config);
      try {
        const report = await createBackup(database, ctx.actor, file, { overwrite: values.force === true });
        if (ctx.json) ctx.io.json(report);
        else {
          ctx.io.line(`已备份 ${describeTarget(database)} → ${report.file}`);
          for (const t of report.tables.filter((x) => x.rows > 0)) ctx.io.line(`  ${t.name.padEnd(32)} ${String(t.rows).padStart(9)} 行  ${t.checksum}`);
          ctx.io.line(`  （另有 ${report.tables.filter((x) => x.rows === 0).length} 张空表）`);
          ctx.io.line(`共 ${report.tables.length} 张表 ${report.totalRows} 行，${report.bytes} 字节，sha256 ${report.sha256}，用时 ${report.durationMs} ms`);
        }
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    path: ['restore'],
    usage: 'restore FILE [--json]',
    summary: '把备份恢复到一个空库（迁移一致），逐表核对校验和并校验审计链',
    async run(ctx, { positionals }) {
      const file = fileArgument(positionals);
      const { report, where } = await restoreInto(ctx, file);
      if (ctx.json) ctx.io.json(report);
      else {
        ctx.io.line(`已恢复 ${report.file} → ${where}（备份于 ${report.source.createdAt}，来源 ${report.source.kind}）`);
        for (const t of report.tables.filter((x) => x.rows > 0 || !x.equal)) {
          ctx.io.line(`  ${t.name.padEnd(32)} ${String(t.rows).padStart(9)} 行  ${t.restoredChecksum}  ${t.equal ? '一致' : '不一致'}`);
        }
        ctx.io.line(`  （另有 ${report.tables.filter((x) => x.rows === 0).length} 张空表，校验和一致）`);
        ctx.io.line(`共 ${report.tables.length} 张表 ${report.totalRows} 行，校验和全部一致；审计链完整（${report.auditChain.checked} 条）；用时 ${report.durationMs} ms`);
      }
      return 0;
    },
  },
  {
    path: ['audit', 'archive'],
    usage: 'audit archive --before YYYY-MM-DD FILE [--json]',
    summary: '把超过保留期的最早一段审计记录写入文件后从库中删除（不得短于保留期）',
    options: { before: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const file = fileArgument(positionals);
      if (typeof values.before !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(values.before)) throw new CliUsageError('需要 --before YYYY-MM-DD');
      const report = await archiveAuditRecords(await ctx.database(), ctx.actor, {
        before: new Date(`${values.before}T00:00:00+08:00`),
        file,
        now: new Date(),
        retentionDays: ctx.config.auditRetentionDays,
      });
      if (ctx.json) ctx.io.json(report);
      else if (report.archived === 0) ctx.io.line('没有可归档的审计记录');
      else ctx.io.line(`已归档第 ${report.firstSeq}–${report.throughSeq} 条审计记录（共 ${report.archived} 条）到 ${report.file}；剩余链从哈希 ${report.anchorHash} 接续`);
      return 0;
    },
  },
  {
    path: ['jobs', 'list'],
    usage: 'jobs list [--json]',
    summary: '列出定时任务最近一次的运行情况',
    async run(ctx) {
      const database = await openExisting(ctx.config);
      try {
        const runs = await listJobRuns(database.db);
        if (ctx.json) ctx.io.json(runs);
        else {
          if (runs.length === 0) ctx.io.line('还没有运行过定时任务');
          for (const r of runs) {
            ctx.io.line(
              `${r.name.padEnd(20)} ${r.lastStatus.padEnd(8)} 共 ${r.runCount} 次（失败 ${r.failureCount}） 最近 ${r.lastStartedAt ?? '—'} ${r.lastRunner ?? ''}${r.lastError ? `  错误：${r.lastError}` : ''}`,
            );
          }
        }
        return 0;
      } finally {
        await database.close();
      }
    },
  },
];
