import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.js';
import { HolidayNoticeError, parseHolidayNotice } from './holiday-notice.js';
import { createWorkdayCalendar } from './workday-calendar.js';
import { xinjiangWorkdayCalendar } from './xinjiang.js';
import type { CalendarDay } from './year-calendar.js';

/** The region's 2023 notice (新疆维吾尔自治区人民政府办公厅, 2022-12-25), holiday part, half-width punctuation as published online. */
const REGION_2023 = `关于2023年节假日放假安排和冬夏季作息时间的通知
各州、市、县(市、区)人民政府,各行政公署,自治区人民政府各部门、各直属机构:
根据《国务院关于修改<全国年节及纪念日放假办法>的决定》(国务院令第644号)、《国务院办公厅关于2023年部分节假日安排的通知》(国办发明电〔2022〕16号)和《新疆维吾尔自治区人民政府关于修改<新疆维吾尔自治区少数民族习惯节日放假办法>的决定》(自治区人民政府令第174号),结合实际,现将我区2023年节假日放假调休日期和冬夏季作息时间的具体安排通知如下。
一、节假日放假安排
(一)元旦:2022年12月31日至2023年1月2日放假调休,共3天。
(二)春节:1月21日至27日放假调休,共7天。1月28日(星期六)、1月29日(星期日)上班。
(三)清明节:4月5日放假,共1天。
(四)肉孜节:4月22日是肉孜节,4月21日放假调休1天。
(五)劳动节:4月29日至5月3日放假调休,共5天。4 月23日(星期日)、5月6日(星期六)上班。
(六)端午节:6月22日至24日放假调休,共3天。6月25日(星期日)上班。
(七)古尔邦节:6月29日是古尔邦节,6月28日至30日放假,共3天。
(八)中秋节、国庆节:9月29日至10月6日放假调休,共8天。10月7日(星期六)、10月8日(星期日)上班。
二、冬夏季作息时间安排
(一)夏季作息时间:自2023年5月1日起实行夏季作息时间,上班时间为:上午10:00至14:00,下午16:00至20:00。
(二)冬季作息时间:自2023年10月1日起实行冬季作息时间,上班时间为:上午10:00至14:00,下午15:30至19:30。`;

/** Synthetic 2025 notice in the region's style, national items written the State Council's way. */
const REGION_2025 = `新疆维吾尔自治区人民政府办公厅关于2025年节假日放假安排和冬夏季作息时间的通知
一、节假日放假安排
（一）元旦：1月1日（周三）放假1天，不调休。
（二）春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
（三）肉孜节：3月31日（周一）是少数民族习惯节日肉孜节，3月29日（周六）至31日（周一）放假，共3天。
（四）劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
（五）端午节：5月31日（周六）至6月2日（周一）放假，共3天。
（六）国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
二、冬夏季作息时间安排
（一）夏季作息时间：自2025年5月1日起实行夏季作息时间，上班时间为：上午10:00至14:00。`;

const days = (list: CalendarDay[]) => list.map((d) => `${d.date} ${d.name} ${d.source}`);

describe('parseHolidayNotice', () => {
  it('reads a 2025-style notice exactly', () => {
    const c = parseHolidayNotice(REGION_2025);
    expect(c.year).toBe(2025);
    expect(days(c.holidays)).toEqual([
      '2025-01-01 元旦 national',
      ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'].map((d) => `2025-${d} 春节 national`),
      ...['03-29', '03-30', '03-31'].map((d) => `2025-${d} 肉孜节 regional`),
      ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => `2025-${d} 劳动节 national`),
      ...['05-31', '06-01', '06-02'].map((d) => `2025-${d} 端午节 national`),
      ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08'].map((d) => `2025-${d} 国庆节、中秋节 national`),
    ]);
    expect(days(c.makeUpWorkdays)).toEqual([
      '2025-01-26 春节 national',
      '2025-02-08 春节 national',
      '2025-04-27 劳动节 national',
      '2025-09-28 国庆节、中秋节 national',
      '2025-10-11 国庆节、中秋节 national',
    ]);
  });

  it('reads the real 2023 notice into the same working days as chinese-days + XINJIANG_REGIONAL_2023', () => {
    const parsed = createWorkdayCalendar([parseHolidayNotice(REGION_2023)]);
    const built = xinjiangWorkdayCalendar([2023]);
    for (let d = '2023-01-01'; d <= '2023-12-31'; d = addDays(d, 1)) {
      expect([d, parsed.isWorkday(d)]).toEqual([d, built.isWorkday(d)]);
    }
    const c = parseHolidayNotice(REGION_2023);
    expect(days(c.holidays).slice(0, 3)).toEqual(['2022-12-31 元旦 national', '2023-01-01 元旦 national', '2023-01-02 元旦 national']);
    expect(days(c.holidays.filter((d) => d.source === 'regional'))).toEqual([
      '2023-04-21 肉孜节 regional',
      '2023-06-28 古尔邦节 regional',
      '2023-06-29 古尔邦节 regional',
      '2023-06-30 古尔邦节 regional',
    ]);
  });

  it('rolls the year back for a New Year range that starts in December', () => {
    const c = parseHolidayNotice('2024年节假日安排\n一、元旦：12月30日（周六）至1月1日（周一）放假调休，共3天。12月29日（周五）上班。', undefined);
    expect(c.holidays.map((d) => d.date)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01']);
    expect(c.makeUpWorkdays.map((d) => d.date)).toEqual(['2023-12-29']);
  });

  it('rolls the year forward when the range starts with an explicit year', () => {
    const c = parseHolidayNotice('一、元旦：2018年12月30日至1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019);
    expect(c.holidays.map((d) => d.date)).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(c.makeUpWorkdays.map((d) => d.date)).toEqual(['2018-12-29']);
  });

  it('reads several items on one line and 1. markers', () => {
    const c = parseHolidayNotice('（一）清明节：4月4日放假，共1天。（二）古尔邦节：6月6日至8日放假，共3天。\n3.端午节：5月31日放假1天。', 2030);
    expect(days(c.holidays)).toEqual([
      '2030-04-04 清明节 national',
      '2030-05-31 端午节 national',
      '2030-06-06 古尔邦节 regional',
      '2030-06-07 古尔邦节 regional',
      '2030-06-08 古尔邦节 regional',
    ]);
  });

  it.each([
    ['一、春节：1月21日至27日放假调休，共8天。', 2023, '“春节”写明放假8天，但读出7天'],
    ['一、元旦：1月1日放假1天。', undefined, '无法确定通知所属年份，请指定年份'],
    ['一、元旦：1日放假1天。', 2023, '“元旦”中的日期缺少月份：1日'],
    ['一、元旦：2月30日放假1天。', 2023, '日期无效：2023年2月30日'],
    ['冬季作息时间：自10月1日起实行。', 2023, '通知中没有找到放假安排'],
  ])('rejects %s', (text, year, message) => {
    expect(() => parseHolidayNotice(text, year)).toThrow(HolidayNoticeError);
    expect(() => parseHolidayNotice(text, year)).toThrow(message);
  });
});
