import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toIcs } from './ics.js';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('toIcs', () => {
  it('writes all-day and timed events exactly', () => {
    const ics = toIcs(
      [
        { uid: 'press-2023-01@yizheng', summary: '备案截止：消费者权益保护新闻发布会', date: '2023-03-06' },
        {
          uid: 'press-2023-02@yizheng',
          summary: '交通管理“放管服”新闻发布会',
          start: '2023-04-11T11:00',
          end: '2023-04-11T12:00',
          location: '州政府五楼新闻发布厅',
          description: '发布单位：州公安局; 书面材料10份, 电子档',
        },
        { uid: 'regional-2023-gurban@yizheng', summary: '古尔邦节', date: '2023-06-28', lastDate: '2023-06-30' },
      ],
      { dtstamp: '2023-02-27T04:00:00Z' },
    );
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//伊政通//新闻发布会//ZH', 'CALSCALE:GREGORIAN',
        'BEGIN:VEVENT', 'UID:press-2023-01@yizheng', 'DTSTAMP:20230227T040000Z',
        'DTSTART;VALUE=DATE:20230306', 'DTEND;VALUE=DATE:20230307', 'SUMMARY:备案截止：消费者权益保护新闻发布会', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:press-2023-02@yizheng', 'DTSTAMP:20230227T040000Z',
        'DTSTART:20230411T030000Z', 'DTEND:20230411T040000Z', 'SUMMARY:交通管理“放管服”新闻发布会',
        'LOCATION:州政府五楼新闻发布厅', 'DESCRIPTION:发布单位：州公安局\\; 书面材料10份\\, 电子档', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:regional-2023-gurban@yizheng', 'DTSTAMP:20230227T040000Z',
        'DTSTART;VALUE=DATE:20230628', 'DTEND;VALUE=DATE:20230701', 'SUMMARY:古尔邦节', 'END:VEVENT',
        'END:VCALENDAR', '',
      ].join('\r\n'),
    );
  });

  it('moves early-morning Beijing times to the previous UTC day', () => {
    const ics = toIcs([{ uid: 'a', summary: 'x', start: '2023-05-01T07:30', end: '2023-05-01T08:00' }], { dtstamp: '2023-01-01T00:00:00.000Z' });
    expect(ics).toContain('\r\nDTSTART:20230430T233000Z\r\nDTEND:20230501T000000Z\r\n');
  });

  it('folds long lines at 75 octets without splitting a character, and uses CRLF only', () => {
    const summary = '伊犁州巩固拓展脱贫攻坚成果同乡村振兴有效衔接推进情况新闻发布会，发布单位：州乡村振兴局；地点：州政府五楼新闻发布厅';
    const ics = toIcs([{ uid: 'long', summary, date: '2023-09-20' }], {
      dtstamp: '2023-02-27T04:00:00Z',
      calendarName: '伊政通新闻发布会',
    });
    const lines = ics.split('\r\n');
    expect(ics).not.toMatch(/[^\r]\n/);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    expect(unfold(ics)).toContain(`SUMMARY:${escapeText(summary)}\r\n`);
    expect(ics).toContain('X-WR-CALNAME:伊政通新闻发布会\r\n');
  });

  it.each([
    ['a'.repeat(75), 'a'.repeat(75)],
    ['a'.repeat(76), `${'a'.repeat(75)}\r\n a`],
    ['a'.repeat(74) + '中', `${'a'.repeat(74)}\r\n 中`],
  ])('foldLine %#', (line, folded) => {
    expect(foldLine(line)).toBe(folded);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it.each([
    [{ uid: 'a', summary: 'x', date: '2023-02-30' }, { dtstamp: '2023-01-01T00:00:00Z' }, '日程日期无效'],
    [{ uid: 'a', summary: 'x', start: '2023-05-01T10:00', end: '2023-05-01T09:00' }, { dtstamp: '2023-01-01T00:00:00Z' }, '日程结束时间早于开始时间'],
    [{ uid: 'a', summary: 'x', date: '2023-02-01' }, { dtstamp: '2023-01-01 08:00' }, 'DTSTAMP 须为 UTC 时刻'],
  ])('rejects invalid input %#', (event, options, message) => {
    expect(() => toIcs([event], options)).toThrow(message);
  });
});
