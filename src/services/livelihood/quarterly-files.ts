import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { REPORT_STATE_LABELS, type QuarterlyReport } from './quarterly.service.js';

const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

export function quarterlyTitle(report: QuarterlyReport): string {
  const { summary } = report;
  return `${summary.year}年${QUARTER_NAMES[summary.quarter]}民生实事进展情况（${summary.projectNo}.${summary.title}）`;
}

const monthLabel = (period: string) => `${Number(period.slice(5))}月`;

/**
 * Excel: sheet 汇总 (one row per measure: units, deadline, progress, each month's report state),
 * sheet 报送明细 (one row per owed report), sheet 目标任务 (target, reached, attainment).
 */
export async function quarterlyWorkbook(report: QuarterlyReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '伊政通';
  const { summary } = report;
  const ws = book.addWorksheet('汇总');
  ws.columns = [{ width: 8 }, { width: 30 }, { width: 14 }, { width: 10 }, ...summary.months.map(() => ({ width: 26 }))];
  ws.mergeCells(1, 1, 1, 4 + summary.months.length);
  ws.getCell('A1').value = quarterlyTitle(report);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([`依据${report.docNumber ?? ''}，数据截至${report.today}；月度报告应于次月第5个工作日前报送`]);
  ws.addRow(['措施', '牵头单位', '完成时限', '完成进度', ...summary.months.map((m) => `${monthLabel(m.period)}报送${m.dueOn ? `（${m.dueOn}前）` : ''}`)]).font = { bold: true };
  for (const m of report.measures) {
    const states = summary.months.map((month) =>
      month.items
        .filter((i) => i.measureNo === m.no)
        .map((i) => `${i.unit}：${REPORT_STATE_LABELS[i.state]}`)
        .join('；') || '无须报送',
    );
    ws.addRow([m.no, m.units.join('、'), m.deadline ?? '全年持续推进', m.progressPercent / 100, ...states]);
  }
  ws.getColumn(4).numFmt = '0%';
  const totals = summary.totals;
  ws.addRow([]);
  ws.addRow(['合计', `应报${totals.due}份：按时${totals.onTime}、逾期${totals.late}、未报${totals.missing}、待报${totals.pending}`]);

  const detail = book.addWorksheet('报送明细');
  detail.columns = [{ header: '月份', width: 10 }, { header: '措施', width: 8 }, { header: '单位', width: 28 }, { header: '状态', width: 12 }, { header: '报送日期', width: 14 }, { header: '进度', width: 10 }];
  detail.getRow(1).font = { bold: true };
  for (const month of summary.months) {
    for (const i of month.items) detail.addRow([month.period, i.measureNo, i.unit, REPORT_STATE_LABELS[i.state], i.submittedOn ?? '', i.progressPercent === null ? '' : i.progressPercent / 100]);
  }
  detail.getColumn(6).numFmt = '0%';

  const targets = book.addWorksheet('目标任务');
  targets.columns = [{ header: '目标任务', width: 20 }, { header: '目标值', width: 14 }, { header: '单位', width: 10 }, { header: '已完成', width: 14 }, { header: '完成率', width: 10 }];
  targets.getRow(1).font = { bold: true };
  for (const t of report.targets) {
    targets.addRow([t.text, t.value, t.unit, t.reached ?? '', t.reached === null || t.value <= 0 ? '' : Math.min(1, t.reached / t.value)]);
  }
  targets.getColumn(5).numFmt = '0%';
  return Buffer.from(await book.xlsx.writeBuffer());
}

const text = (value: string, bold = false) => new TextRun({ text: value, bold, font: '仿宋_GB2312', size: 28 });
const cell = (value: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [text(value, bold)] })] });

/** Word: the title, the counts, then per measure its progress and each unit's monthly narrative. */
export async function quarterlyDocument(report: QuarterlyReport): Promise<Buffer> {
  const { summary } = report;
  const totals = summary.totals;
  const paragraphs: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: quarterlyTitle(report), font: '方正小标宋简体', size: 36 })] }),
    new Paragraph({ children: [text(`报自治州人民政府督查室。依据${report.docNumber ?? ''}，数据截至${report.today}。`)] }),
    new Paragraph({ children: [text(`本季度应报月度进展报告${totals.due}份：按时报送${totals.onTime}份，逾期报送${totals.late}份，未报送${totals.missing}份，尚未到期${totals.pending}份。`)] }),
  ];
  if (report.targets.length > 0) {
    paragraphs.push(new Paragraph({ spacing: { before: 200 }, children: [text('一、目标任务完成情况', true)] }));
    paragraphs.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ children: ['目标任务', '目标值', '已完成', '完成率'].map((h) => cell(h, true)) }),
          ...report.targets.map((t) => new TableRow({
            children: [cell(t.text), cell(`${t.value}${t.unit}`), cell(t.reached === null ? '未报' : `${t.reached}${t.unit}`), cell(t.reached === null || t.value <= 0 ? '—' : `${Math.min(100, Math.floor((t.reached * 100) / t.value))}%`)],
          })),
        ],
      }),
    );
  }
  paragraphs.push(new Paragraph({ spacing: { before: 200 }, children: [text(`${report.targets.length > 0 ? '二' : '一'}、工作措施推进情况`, true)] }));
  for (const m of report.measures) {
    paragraphs.push(new Paragraph({ spacing: { before: 120 }, children: [text(`措施${m.no}（${m.units.join('、')}，完成时限：${m.deadline ?? '全年持续推进'}）：完成进度${m.progressPercent}%。`, true)] }));
    if (m.narratives.length === 0) paragraphs.push(new Paragraph({ children: [text('本季度未收到进展报告。')] }));
    for (const n of m.narratives) paragraphs.push(new Paragraph({ children: [text(`${monthLabel(n.period)}（${n.unit}，${n.submittedOn}报送，进度${n.progressPercent}%）：${n.narrative}`)] }));
  }
  const doc = new Document({ creator: '伊政通', title: quarterlyTitle(report), sections: [{ children: paragraphs }] });
  return Packer.toBuffer(doc);
}
