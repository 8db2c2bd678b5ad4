import { CliUsageError, type CliCommand } from '../command.js';
import { getYearCalendar, listCalendarYears, seedCalendars } from '../../services/calendar/index.js';

const STATUS_LABELS = { complete: '完整（全国+自治区）', 'national-only': '仅全国节假日，缺自治区节假日' } as const;

export const calendarCommands: CliCommand[] = [
  {
    path: ['calendar', 'years'],
    usage: 'calendar years [--json]',
    summary: '列出已有的年度工作日历及其完整性',
    async run(ctx) {
      const years = await listCalendarYears((await ctx.database()).db);
      if (ctx.json) ctx.io.json(years);
      else for (const y of years) ctx.io.line(`${y.year}\t${STATUS_LABELS[y.status]}\t${y.origin}`);
      return 0;
    },
  },
  {
    path: ['calendar', 'show'],
    usage: 'calendar show YEAR [--json]',
    summary: '显示某年的放假日和调休上班日；没有该年数据时报错',
    async run(ctx, { positionals }) {
      const year = Number(positionals[0]);
      if (!Number.isInteger(year)) throw new CliUsageError('需要年份，如 2023');
      const calendar = await getYearCalendar((await ctx.database()).db, year);
      if (ctx.json) {
        ctx.io.json(calendar);
        return 0;
      }
      ctx.io.line(`${year}年工作日历：${STATUS_LABELS[calendar.status]}`);
      for (const d of calendar.holidays) ctx.io.line(`${d.date}\t放假\t${d.name}\t${d.source === 'regional' ? '自治区' : '全国'}`);
      for (const d of calendar.makeUpWorkdays) ctx.io.line(`${d.date}\t调休上班\t${d.name}\t${d.source === 'regional' ? '自治区' : '全国'}`);
      return 0;
    },
  },
  {
    path: ['calendar', 'seed'],
    usage: 'calendar seed',
    summary: '补写默认工作日历中尚未存储的年度（已有年度不变）',
    async run(ctx) {
      const added = await seedCalendars(await ctx.database(), ctx.actor);
      if (ctx.json) ctx.io.json({ added });
      else ctx.io.line(added.length ? `已写入：${added.join('、')}` : '没有需要写入的年度');
      return 0;
    },
  },
];
