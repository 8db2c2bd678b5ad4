import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import type { StoredOffice } from '../../db/schema/index.js';
import type { RosterLiaison, RosterMember } from './bodies.queries.js';

/**
 * A roster laid out as the annex of the notice prints it: the title …组成人员, then one line per
 * member, the role word once at the head of its group (指挥长：NAME（POSITION）, the group's
 * other members under it), the office sentence, and the liaison list with its duties.
 */
export interface RosterSheet {
  body: string;
  day: string;
  docNumber: string | null;
  members: RosterMember[];
  office: StoredOffice | null;
  liaisons: RosterLiaison[];
  liaisonDuties: string[];
}

/** Members with the role printed only on the first of each run of the same role. */
export function annexLines(members: readonly RosterMember[]): { role: string | null; member: RosterMember }[] {
  return members.map((member, k) => ({ role: k > 0 && members[k - 1].role === member.role ? null : member.role, member }));
}

/** 办公室 sentence as the notices write it, rebuilt from the stored office. */
export function officeSentence(body: string, office: StoredOffice): string {
  const who = (h: { name: string | null; position: string | null }) => (h.name ? `${h.name}同志` : (h.position ?? ''));
  const parts = [`${body}下设办公室，办公室设在${office.unit}`];
  if (office.director) parts.push(`办公室主任由${who(office.director)}担任`);
  if (office.deputyDirectors.length > 0) parts.push(`副主任由${office.deputyDirectors.map(who).join('、')}担任`);
  return `${parts.join('，')}。`;
}

function subtitle(sheet: RosterSheet): string {
  return `（${sheet.day}名单${sheet.docNumber ? `，依据${sheet.docNumber}` : ''}）`;
}

export async function rosterWorkbook(sheet: RosterSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '伊政通';
  const ws = book.addWorksheet('组成人员', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 8 }, { width: 14 }, { width: 24 }, { width: 56 }];
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = `${sheet.body}组成人员`;
  ws.getCell('A1').font = { name: '方正小标宋简体', size: 18, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;
  ws.mergeCells('A2:D2');
  ws.getCell('A2').value = subtitle(sheet);
  ws.getCell('A2').alignment = { horizontal: 'center' };
  const header = ws.addRow(['序号', '职务', '姓名', '单位及职务']);
  header.font = { bold: true };
  for (const [k, line] of annexLines(sheet.members).entries()) {
    ws.addRow([k + 1, line.role ?? '', line.member.name, line.member.position]);
  }
  for (let r = 3; r <= ws.rowCount; r += 1) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  if (sheet.office) {
    const row = ws.addRow([officeSentence(sheet.body, sheet.office)]);
    ws.mergeCells(`A${row.number}:D${row.number}`);
    row.getCell(1).alignment = { wrapText: true };
    row.height = 48;
  }
  if (sheet.liaisons.length > 0) {
    const ls = book.addWorksheet('联络员');
    ls.columns = [{ width: 8 }, { width: 24 }, { width: 30 }, { width: 56 }];
    ls.mergeCells('A1:D1');
    ls.getCell('A1').value = `${sheet.body}联络员名单`;
    ls.getCell('A1').font = { name: '方正小标宋简体', size: 16, bold: true };
    ls.getCell('A1').alignment = { horizontal: 'center' };
    ls.addRow(['序号', '姓名', '成员单位', '职务']).font = { bold: true };
    for (const [k, l] of sheet.liaisons.entries()) ls.addRow([k + 1, l.name, l.unit, l.position]);
    if (sheet.liaisonDuties.length > 0) {
      ls.addRow([]);
      ls.addRow(['联络员工作职责']).font = { bold: true };
      for (const [k, duty] of sheet.liaisonDuties.entries()) {
        const row = ls.addRow([`（${k + 1}）${duty}`]);
        ls.mergeCells(`A${row.number}:D${row.number}`);
        row.getCell(1).alignment = { wrapText: true };
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const FANGSONG = '仿宋_GB2312';
const BODY_SIZE = 32; // 三号 = 16pt, in half-points
const CHAR_TWIPS = 320; // one character of 16pt

function line(text: string, options: { indentChars?: number; hangingChars?: number; bold?: boolean } = {}): Paragraph {
  const left = (options.indentChars ?? 0) * CHAR_TWIPS;
  const hanging = (options.hangingChars ?? 0) * CHAR_TWIPS;
  return new Paragraph({
    indent: left || hanging ? { left, hanging } : undefined,
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: FANGSONG, size: BODY_SIZE, bold: options.bold })],
  });
}

export async function rosterDocument(sheet: RosterSheet): Promise<Buffer> {
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: `${sheet.body}组成人员`, font: '方正小标宋简体', size: 44 })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: subtitle(sheet), font: FANGSONG, size: 24 })] }),
  ];
  let hang = 0;
  for (const { role, member } of annexLines(sheet.members)) {
    const entry = `${member.name}（${member.position}）`;
    if (role !== null) {
      hang = [...role].length + 1;
      paragraphs.push(line(`${role}：${entry}`, { indentChars: hang, hangingChars: hang }));
    } else {
      paragraphs.push(line(entry, { indentChars: hang }));
    }
  }
  if (sheet.office) paragraphs.push(line(officeSentence(sheet.body, sheet.office), { indentChars: 0 }));
  if (sheet.liaisons.length > 0) {
    paragraphs.push(line(''), line(`${sheet.body}联络员名单`, { bold: true }));
    for (const l of sheet.liaisons) paragraphs.push(line(`${l.name}（${l.position}）`));
    if (sheet.liaisonDuties.length > 0) {
      paragraphs.push(line('联络员工作职责：', { bold: true }));
      for (const [k, duty] of sheet.liaisonDuties.entries()) paragraphs.push(line(`（${k + 1}）${duty}`));
    }
  }
  const doc = new Document({
    creator: '伊政通',
    title: `${sheet.body}组成人员`,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children: paragraphs }],
  });
  return Packer.toBuffer(doc);
}
