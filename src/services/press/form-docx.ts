import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PRESS_FORM_STATUS_LABELS } from '../../domain/press/index.js';
import { PRESS_ATTACHMENT_LABELS } from './attachments.service.js';
import type { FormDetail } from './forms.queries.js';

const FORM_TITLES = { 'prefecture-department': '州直部门（单位）新闻发布会审批单', county: '州直县（市）新闻发布会审批单' } as const;

function chineseDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The rows of the printed 审批单, shared by the Word file and (in the same order) the print page. */
export function approvalFormRows(form: FormDetail): [string, string][] {
  const time = form.startTime ? `${chineseDate(form.conferenceDate)} ${form.startTime}${form.endTime ? `—${form.endTime}` : ''}` : chineseDate(form.conferenceDate);
  const files = (kind: 'release' | 'qa') => {
    const names = form.attachments.filter((a) => a.kind === kind).map((a) => a.fileName);
    return names.length ? `已附（${names.join('、')}）` : '未附';
  };
  const leader = form.leaderApprovedBy ? `同意。（${form.leaderApprovedBy}）` : '';
  const filing = form.filedOn
    ? `${form.status === 'filedLate' ? `逾期备案，原因：${form.lateReason ?? ''}` : '已备案'}（${chineseDate(form.filedOn)}${form.filedBy ? `，${form.filedBy}` : ''}）`
    : form.sentOn ? `已报送（${chineseDate(form.sentOn)}），待备案` : '';
  return [
    ['发布单位', form.conference.organizationName],
    ['发布主题', form.topic],
    ['发布时间', time],
    ['发布地点', form.venue],
    ['主持人', form.host ?? ''],
    ['出席领导', form.attendingLeaders ?? ''],
    [PRESS_ATTACHMENT_LABELS.release, files('release')],
    [PRESS_ATTACHMENT_LABELS.qa, files('qa')],
    [`书面材料（${form.printedCopies}份）`, form.printedCopiesConfirmed ? '已准备' : '未确认'],
    ['备案时限', form.deadline ? chineseDate(form.deadline) : (form.calendarProblem ?? '')],
    ['单位分管领导意见', leader],
    ['州政府新闻办备案', filing],
    ['当前状态', PRESS_FORM_STATUS_LABELS[form.status]],
  ];
}

export function approvalFormTitle(form: FormDetail): string {
  const year = form.plan?.year ?? Number(form.conferenceDate.slice(0, 4));
  return `${year}年${FORM_TITLES[form.kind]}`;
}

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: '仿宋_GB2312', size: 28 })] })],
  });

/** The approval form as a Word document, laid out like the plan's 附件. */
export async function approvalFormDocx(form: FormDetail): Promise<Buffer> {
  const rows = approvalFormRows(form).map(([label, value]) => new TableRow({ children: [cell(label, 28, true), cell(value, 72)] }));
  const doc = new Document({
    creator: '伊政通',
    title: approvalFormTitle(form),
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: approvalFormTitle(form), font: '方正小标宋简体', size: 40 })],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
