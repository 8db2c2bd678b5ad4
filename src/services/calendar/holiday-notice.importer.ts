import type { Db } from '../../db/client.js';
import { HolidayNoticeError, parseHolidayNotice } from '../../domain/calendar/index.js';
import type { OfficialDocument } from '../../domain/documents/index.js';
import { DomainError } from '../../domain/errors.js';
import { replaceYearCalendar } from './year-calendars.js';

/** The full text of an imported document, line by line as published. */
export function documentText(doc: OfficialDocument): string {
  return doc.source.map((line) => line.text).join('\n');
}

/**
 * 自治区（或国务院）关于XXXX年节假日放假安排…的通知: sets that year's calendar — national and
 * regional days as the notice lists them — replacing what was stored (the default or an admin's
 * corrections). Runs inside the documents import transaction.
 */
export const holidayNoticeImporter = {
  name: 'calendar.holiday-notice',
  appliesTo: (doc: OfficialDocument): boolean => /节假日放假安排/.test(doc.title),
  async build(tx: Db, doc: OfficialDocument, documentId: string) {
    let calendar;
    try {
      calendar = parseHolidayNotice(documentText(doc));
    } catch (error) {
      if (error instanceof HolidayNoticeError) throw new DomainError(error.code, `节假日通知无法读取：${error.message}`, 422);
      throw error;
    }
    const hasRegional = calendar.holidays.some((d) => d.source === 'regional');
    await replaceYearCalendar(tx, calendar, {
      // A State Council notice alone lacks 肉孜节/古尔邦节: the year stays incomplete.
      status: hasRegional ? 'complete' : 'national-only',
      origin: 'notice',
      sourceDocumentId: documentId,
      note: doc.docNumber.text,
    });
    return {
      label: '工作日历',
      items: [`${calendar.year}年：放假${calendar.holidays.length}天，调休上班${calendar.makeUpWorkdays.length}天${hasRegional ? '' : '（缺自治区节假日，待补录）'}`],
    };
  },
};
