import { describe, expect, it } from 'vitest';
import { conferencesByMonth, missingForSubmit, printRows, type Conference, type FormDetail } from './pressApi';

const conference = (seq: number, month: string, date: string | null): Conference => ({
  id: `c${seq}`, origin: 'planned', seq, month, topic: `主题${seq}`, unit: '州公安局', organizationId: 'o', organizationName: '州公安局',
  formKind: 'prefecture-department', ownUnit: true,
  form: date ? { id: `f${seq}`, status: 'draft', conferenceDate: date, startTime: null, endTime: null, venue: '州政府五楼新闻发布厅', sentOn: null, filedOn: null, heldOn: null, deadline: null, calendarProblem: null, late: false } : null,
});

const form: FormDetail = {
  ...conference(2, '2023-04', '2023-05-04').form!,
  kind: 'prefecture-department', host: '发言人', attendingLeaders: null, topic: '交通管理新闻发布会', printedCopiesConfirmed: false, printedCopies: 10,
  requestText: null, requestReply: null, returnReason: null, lateReason: null, createdBy: null, leaderApprovedBy: null, filedBy: null, updatedAt: '',
  conference: { id: 'c2', origin: 'planned', seq: 2, month: '2023-04', topic: '交通管理新闻发布会', unit: '州公安局', organizationId: 'o', organizationName: '州公安局' },
  plan: { year: 2023, docNumber: '伊州政办发〔2023〕6号' },
  attachments: [{ id: 'a', kind: 'release', fileName: '新闻发布稿-20230410-abcdef.docx', originalName: 'x.docx', contentType: '', size: 1, uploadedAt: '' }],
  notifications: [], actions: [], editable: true, startTime: '11:00', deadline: '2023-04-20',
};

describe('press helpers', () => {
  it('puts a conference under the month of its date when known, else the planned month', () => {
    const byMonth = conferencesByMonth([conference(2, '2023-04', '2023-05-04'), conference(3, '2023-05', null), conference(4, '2023-05', '2023-05-20')]);
    expect(byMonth.get(4)).toEqual([]);
    expect(byMonth.get(5)?.map((c) => c.seq)).toEqual([2, 4, 3]);
  });

  it('lists what blocks submitting, as the server does', () => {
    expect(missingForSubmit(form)).toEqual(['出席领导', '答记者问', '书面材料（10份）确认']);
  });

  it('prints the rows of the approval form', () => {
    const rows = Object.fromEntries(printRows(form));
    expect(rows['发布时间']).toBe('2023年5月4日 11:00');
    expect(rows['新闻发布稿']).toBe('已附（新闻发布稿-20230410-abcdef.docx）');
    expect(rows['备案时限']).toBe('2023年4月20日');
  });
});
