/**
 * Files for the procedure: the public notice (Word), and the year's award plan (Excel and Word) with
 * totals by payee role and by funding source. Amounts are yuan in the files, from integer fen.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { PAYEE_ROLE_LABEL, RULEBOOK_2023, STATUS_LABEL, type ApplicationStatus, type PayeeRole } from '../../domain/awards/index.js';
import type { AwardNoticeDetail } from './notices.js';
import type { AwardPlan } from './plan.js';
import { yuanText } from './records.js';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEAD_FONT = '黑体';

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const title = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text, font: TITLE_FONT, size: 44 })] });
const body = (text: string, opts: { indent?: boolean; align?: 'right' } = {}) =>
  new Paragraph({
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: 32 })],
  });
const heading = (text: string) =>
  new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, font: HEAD_FONT, size: 32 })] });

function table(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: BODY_FONT, size: 24 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const fundingLabel = (funding: 'prefecture' | 'county', payee: string) => (funding === 'county' ? `${payee}财政` : '州财政');

/** 公示 as a Word file: the notice text, the period, where to object, and the list. */
export async function noticeDocx(n: AwardNoticeDetail): Promise<Buffer> {
  const rows = n.items.flatMap((item, i) =>
    item.lines.map((l, j) => [j === 0 ? String(i + 1) : '', j === 0 ? item.summary : '', l.payee, PAYEE_ROLE_LABEL[l.role as PayeeRole], yuanText(l.amountFen)]),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          title(n.title),
          body(
            `根据《${RULEBOOK_2023.title}》（${RULEBOOK_2023.docNumber}）第十九条规定，经伊犁州体育局会同有关单位审核，现将${n.year}年度参赛各类大型运动会拟奖励名单予以公示（共${n.items.length}项，拟奖励金额合计${yuanText(n.totalFen)}元）。`,
          ),
          body(`公示期：${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}（${n.days}天）。`),
          body('公示期间，如对公示名单有异议，请以书面形式向伊犁州体育局反映，并提供真实姓名和联系方式。公示期满无异议或异议不成立的，报州人民政府审批。'),
          table(['序号', '成绩', '奖励对象', '类别', '拟奖励金额（元）'], rows),
          body(' ', { indent: false }),
          body('伊犁州体育局', { align: 'right', indent: false }),
          body(chineseDate(n.publishedOn), { align: 'right', indent: false }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** 当年奖励方案 as a Word file, for the report to the prefecture government. */
export async function planDocx(plan: AwardPlan): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          title(`伊犁州${plan.year}年度参赛各类大型运动会奖励方案`),
          body(
            `根据《${RULEBOOK_2023.title}》（${RULEBOOK_2023.docNumber}），经审核并公示无异议，${plan.year}年度拟奖励${plan.applications.length}项成绩，奖励金额合计${yuanText(plan.totalFen)}元，其中州财政承担${yuanText(plan.prefectureFen)}元，各县（市）财政承担追踪奖${yuanText(plan.countyFen)}元（第十七条）。`,
          ),
          heading('一、按奖励对象汇总'),
          table(['奖励对象', '笔数', '金额（元）'], [...plan.byRole.map((r) => [r.label, String(r.lines), yuanText(r.amountFen)]), ['合计', String(plan.byRole.reduce((s, r) => s + r.lines, 0)), yuanText(plan.totalFen)]]),
          heading('二、按资金来源汇总'),
          table(['资金来源', '金额（元）'], [...plan.byFunding.map((f) => [f.payer, yuanText(f.amountFen)]), ['合计', yuanText(plan.totalFen)]]),
          heading('三、奖励明细'),
          table(
            ['申请编号', '成绩', '奖励对象', '类别', '金额（元）', '资金来源', '依据'],
            plan.applications.flatMap((a) => a.lines.map((l) => [String(a.ref), a.summary, l.payee, PAYEE_ROLE_LABEL[l.role], yuanText(l.amountFen), fundingLabel(l.funding, l.payee), l.basis])),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const MONEY_FORMAT = '#,##0.00';

/** 当年奖励方案 as an Excel workbook: 汇总 (by role, by funding source) and 明细 (every line). */
export async function planXlsx(plan: AwardPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '伊政通';
  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ width: 34 }, { width: 10 }, { width: 18 }];
  summary.addRow([`伊犁州${plan.year}年度参赛各类大型运动会奖励方案`]).font = { bold: true, size: 14 };
  summary.addRow([`依据：${RULEBOOK_2023.docNumber}；金额单位：元`]);
  summary.addRow([]);
  summary.addRow(['按奖励对象', '笔数', '金额（元）']).font = { bold: true };
  for (const r of plan.byRole) summary.addRow([r.label, r.lines, r.amountFen / 100]);
  summary.addRow(['合计', plan.byRole.reduce((s, r) => s + r.lines, 0), plan.totalFen / 100]).font = { bold: true };
  summary.addRow([]);
  summary.addRow(['按资金来源', '', '金额（元）']).font = { bold: true };
  for (const f of plan.byFunding) summary.addRow([f.payer, '', f.amountFen / 100]);
  summary.addRow(['合计', '', plan.totalFen / 100]).font = { bold: true };
  summary.getColumn(3).numFmt = MONEY_FORMAT;

  const detail = wb.addWorksheet('明细');
  detail.columns = [
    { header: '申请编号', key: 'ref', width: 10 },
    { header: '状态', key: 'status', width: 14 },
    { header: '成绩', key: 'summary', width: 40 },
    { header: '申请人', key: 'applicant', width: 16 },
    { header: '奖励对象', key: 'payee', width: 16 },
    { header: '类别', key: 'role', width: 24 },
    { header: '金额（元）', key: 'amount', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: '资金来源', key: 'funding', width: 16 },
    { header: '依据', key: 'basis', width: 80 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const a of plan.applications) {
    for (const l of a.lines) {
      detail.addRow({
        ref: a.ref,
        status: STATUS_LABEL[a.status as ApplicationStatus],
        summary: a.summary,
        applicant: a.applicantName,
        payee: l.payee,
        role: PAYEE_ROLE_LABEL[l.role],
        amount: l.amountFen / 100,
        funding: fundingLabel(l.funding, l.payee),
        basis: l.basis,
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
