import { CliUsageError, type CliCommand } from '../command.js';
import { pressDeadlineFor } from '../../services/calendar/index.js';
import { plannedConferences } from '../../services/press/index.js';

export const pressCommands: CliCommand[] = [
  {
    path: ['press', 'list'],
    usage: 'press list [--year 2023] [--json]',
    summary: '年度新闻发布计划中的发布会（按文件顺序：月份、主题、发布单位）',
    options: { year: { type: 'string' } },
    async run(ctx, { values }) {
      const year = typeof values.year === 'string' ? Number(values.year) : undefined;
      if (year !== undefined && !Number.isInteger(year)) throw new CliUsageError('--year 应为年份，如 2023');
      const items = await plannedConferences((await ctx.database()).db, year);
      if (ctx.json) ctx.io.json(items);
      else if (items.length === 0) ctx.io.line('尚未导入新闻发布计划');
      else for (const [k, c] of items.entries()) ctx.io.line(`${k + 1}\t${c.month}\t${c.topic}\t${c.unit}`);
      return 0;
    },
  },
  {
    path: ['press', 'deadline'],
    usage: 'press deadline YYYY-MM-DD [--json]',
    summary: '发布会审批单报新闻办备案的最后一天（发布会日期前第7个工作日，新疆工作日历）',
    async run(ctx, { positionals }) {
      const date = positionals[0];
      if (!date) throw new CliUsageError('需要发布会日期，如 2023-05-04');
      const result = await pressDeadlineFor((await ctx.database()).db, date);
      if (ctx.json) ctx.io.json(result);
      else ctx.io.line(`${result.date} 的新闻发布会，审批单最迟于 ${result.deadline} 报州政府新闻办备案`);
      return 0;
    },
  },
];
