/** The Excel import of results: a template to fill in, and reading a filled one into batch entries. */
import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.js';
import { computeEntry, type Computation } from './compute.js';
import { columnKeyOf, headerOf, rowToEntry, SHEET_COLUMNS, type CellValue } from './sheet-columns.js';

export const SHEET_MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 2000;

export async function resultsTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '伊政通';
  const sheet = wb.addWorksheet('成绩');
  sheet.columns = SHEET_COLUMNS.map((c) => ({ header: headerOf(c), key: c.key, width: Math.max(14, headerOf(c).length * 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(SHEET_COLUMNS.map((c) => [c.key, c.example])));
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: 30 },
    { header: '填写说明', key: 'hint', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of SHEET_COLUMNS) help.addRow({ header: headerOf(c), hint: c.hint });
  help.addRow({});
  help.addRow({ header: '说明', hint: '每行一项成绩；第2行为示例，可删除。申请日期以提交申请之日为准，无需填写。奖励金额由系统按伊州政办规〔2023〕1号计算，无需填写。' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** A cell as text or number: dates become YYYY-MM-DD (Excel dates are read as UTC midnight). */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    if (r instanceof Date) return `${r.getUTCFullYear()}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  return cell.text || null;
}

export interface ImportedRow {
  row: number;
  entry: Record<string, unknown>;
  computation: Computation;
}

/** Reads the first sheet: headers in row 1, one result per later row (blank rows skipped). */
export async function readResultsXlsx(content: Buffer, today: string): Promise<{ rows: ImportedRow[]; ignoredColumns: string[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('BAD_SPREADSHEET', '无法读取该文件：请上传 Excel（.xlsx）文件，可先下载模板填写', 400);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new DomainError('BAD_SPREADSHEET', 'Excel 文件中没有工作表', 400);
  const keys = new Map<number, string>();
  const ignoredColumns: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const text = String(cellValue(cell) ?? '').trim();
    const key = columnKeyOf(text);
    if (key) keys.set(col, key);
    else if (text) ignoredColumns.push(text);
  });
  if (!keys.size) throw new DomainError('BAD_SPREADSHEET', '第1行应为表头（如“运动会（games）”），请使用模板', 400);
  const rows: ImportedRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, CellValue> = {};
    for (const [col, key] of keys) cells[key] = cellValue(row.getCell(col));
    if (Object.values(cells).every((v) => v === null || v === '')) return;
    if (rows.length >= MAX_ROWS) throw new DomainError('BAD_SPREADSHEET', `一次最多导入 ${MAX_ROWS} 行`, 400);
    const entry = rowToEntry(cells, rowNumber);
    rows.push({ row: rowNumber, entry, computation: computeEntry(entry, today).computation });
  });
  return { rows, ignoredColumns };
}
