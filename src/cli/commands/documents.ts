import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../domain/errors.js';
import { getDocument } from '../../services/documents/get-document.js';
import { importDocumentSources, type ImportReport } from '../../services/documents/import-documents.js';
import { searchDocuments, type DocumentSearchField } from '../../services/documents/search-documents.js';
import { CliUsageError, type CliCommand, type CliContext } from '../command.js';

const FIELDS: readonly DocumentSearchField[] = ['all', 'title', 'number', 'text'];

function readUtf8(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new DomainError('NOT_FOUND', `无法读取文件：${file}`, 404);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('DOCUMENT_PARSE', `${path.basename(file)}：不是 UTF-8 编码的文本，请先转换为 UTF-8`, 422);
  }
}

function printReport(ctx: CliContext, report: ImportReport): void {
  for (const d of report.documents) ctx.io.line(`${d.status === 'added' ? '新增' : '未变'}\t${d.docNumber}\t${d.title}`);
  for (const b of report.built) for (const item of b.items) ctx.io.line(`  ${b.label}：${item}（${b.docNumber}）`);
  for (const w of report.warnings) ctx.io.line(`提示：${w.source} ${w.message}`);
  ctx.io.line(`共 ${report.documents.length} 份公文：新增 ${report.added} 份，未变 ${report.unchanged} 份`);
}

function field(value: unknown): DocumentSearchField {
  if (value === undefined) return 'all';
  if (typeof value === 'string' && (FIELDS as readonly string[]).includes(value)) return value as DocumentSearchField;
  throw new CliUsageError(`--field 只能是 ${FIELDS.join('、')}`);
}

export const documentCommands: CliCommand[] = [
  {
    path: ['import'],
    usage: 'import FILE... [--json]',
    summary: '导入公文文本（UTF-8）：全部成功或全部不导入，重复导入不产生变化',
    async run(ctx, { positionals }) {
      if (positionals.length === 0) throw new CliUsageError('请给出要导入的文件');
      const sources = positionals.map((file) => ({ name: path.basename(file), text: readUtf8(file) }));
      const report = await importDocumentSources(await ctx.database(), ctx.actor, sources);
      if (ctx.json) ctx.io.json(report);
      else printReport(ctx, report);
      return 0;
    },
  },
  {
    path: ['documents', 'list'],
    usage: 'documents list [--json]',
    summary: '列出已导入的公文（按成文日期，新的在前）',
    async run(ctx) {
      const { items } = await searchDocuments((await ctx.database()).db, { pageSize: 200 });
      if (ctx.json) ctx.io.json(items);
      else for (const d of items) ctx.io.line(`${d.docNumber}\t${d.signedOn ?? '（无成文日期）'}\t${d.title}`);
      return 0;
    },
  },
  {
    path: ['documents', 'search'],
    usage: 'documents search QUERY [--field all|title|number|text] [--json]',
    summary: '按标题、发文字号或全文检索公文',
    options: { field: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const q = positionals.join(' ').trim();
      if (!q) throw new CliUsageError('请给出检索词');
      const result = await searchDocuments((await ctx.database()).db, { q, field: field(values.field), pageSize: 200 });
      if (ctx.json) ctx.io.json(result.items);
      else {
        for (const d of result.items) ctx.io.line(`${d.docNumber}\t${d.title}${d.snippet ? `\n  ${d.snippet}` : ''}`);
        ctx.io.line(`共 ${result.total} 份`);
      }
      return 0;
    },
  },
  {
    path: ['documents', 'show'],
    usage: 'documents show 发文字号|编号 [--json]',
    summary: '显示一份公文（要素与原文）',
    async run(ctx, { positionals }) {
      const key = positionals.join('').trim();
      if (!key) throw new CliUsageError('请给出发文字号或编号');
      const doc = await getDocument((await ctx.database()).db, key);
      if (ctx.json) ctx.io.json(doc);
      else {
        ctx.io.line(`${doc.title}\n${doc.docNumber}　成文日期：${doc.signedOn ?? '—'}　发文机关：${doc.issuer ?? '—'}`);
        if (doc.recipientsRaw) ctx.io.line(`主送：${doc.recipientsRaw}`);
        for (const a of doc.attachments) ctx.io.line(`附件${a.number}：${a.title}`);
        ctx.io.line('');
        ctx.io.line(doc.originalText);
      }
      return 0;
    },
  },
];
