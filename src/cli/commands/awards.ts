import fs from 'node:fs';
import { evaluateBatch, PAYEE_ROLE_LABEL, type AwardBatchJson } from '../../domain/awards/index.js';
import { DomainError } from '../../domain/errors.js';
import { CliUsageError, type CliCommand, type CliIo } from '../command.js';

/** Reads a batch file: a missing file or text that is not JSON is the caller's error (exit 1). */
function readBatchFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new DomainError('FILE_NOT_READABLE', code === 'ENOENT' ? `文件不存在：${file}` : `无法读取文件：${file}（${code || '未知错误'}）`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DomainError('BAD_JSON', `文件不是有效的 JSON：${file}（${error instanceof Error ? error.message : String(error)}）`);
  }
}

function printBatch(io: CliIo, batch: AwardBatchJson): void {
  for (const r of batch.results) {
    io.line(`${r.id}\t${r.eligible ? `奖励合计 ${r.total} 元` : '不予奖励'}`);
    for (const l of r.lines) io.line(`  ${l.payee}（${PAYEE_ROLE_LABEL[l.role]}${l.funding === 'county' ? '，县（市）财政' : ''}）\t${l.amount} 元\t${l.basis}`);
    for (const reason of r.reasons) io.line(`  说明：${reason}`);
  }
}

export const awardCommands: CliCommand[] = [
  {
    path: ['award', 'compute'],
    usage: 'award compute FILE.json [--json]',
    summary: '按伊州政办规〔2023〕1号计算一批成绩的奖励（金额单位：元；无需数据库）',
    async run(ctx, { positionals }) {
      const file = positionals[0];
      if (!file) throw new CliUsageError('缺少成绩文件（JSON 数组）');
      // Pure computation: the database is never opened for this command.
      const batch = evaluateBatch(readBatchFile(file));
      if (ctx.json) ctx.io.json(batch);
      else printBatch(ctx.io, batch);
      return 0;
    },
  },
];
