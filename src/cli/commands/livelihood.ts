import { urumqiDate } from '../../domain/shared/dates.js';
import { loadPlanStatus, projectsOutline, refreshStatusLights, requirePlan } from '../../services/livelihood/index.js';
import { CliUsageError, type CliCommand } from '../command.js';

const LIGHT_LABELS = { green: '绿', yellow: '黄', red: '红' } as const;

export const livelihoodCommands: CliCommand[] = [
  {
    path: ['projects'],
    usage: 'projects [--year 2023] [--json]',
    summary: '民生实事项目（按文件顺序：目标任务、工作措施、牵头单位、领导、完成时限、节点）',
    options: { year: { type: 'string' } },
    async run(ctx, { values }) {
      const year = typeof values.year === 'string' ? Number(values.year) : undefined;
      if (year !== undefined && !Number.isInteger(year)) throw new CliUsageError('--year 应为年份，如 2023');
      const projects = projectsOutline(await requirePlan((await ctx.database()).db, year));
      if (ctx.json) {
        ctx.io.json(projects);
        return 0;
      }
      for (const p of projects) {
        ctx.io.line(`${p.no}. ${p.title}（目标 ${p.targets.map((t) => t.text).join('、') || '—'}）`);
        for (const m of p.measures) ctx.io.line(`   ${m.no}. ${m.units.join('、')}\t${m.deadline ?? '全年持续推进'}\t节点${m.milestones.length}个`);
      }
      return 0;
    },
  },
  {
    path: ['livelihood', 'lights'],
    usage: 'livelihood lights [--date YYYY-MM-DD] [--json]',
    summary: '各工作措施的红黄绿灯（按报送情况即时计算）',
    options: { date: { type: 'string' } },
    async run(ctx, { values }) {
      const today = typeof values.date === 'string' ? values.date : urumqiDate(new Date());
      const { measures } = await loadPlanStatus((await ctx.database()).db, today);
      const rows = measures.map((m) => ({
        project: m.projectNo, measure: m.measure.no, units: m.measure.units, light: m.status.light, progressPercent: m.status.progressPercent,
        reasons: m.status.reasons.map((r) => r.message),
      }));
      if (ctx.json) ctx.io.json(rows);
      else for (const r of rows) ctx.io.line(`${r.project}.${r.measure}\t${LIGHT_LABELS[r.light]}\t${r.progressPercent}%\t${r.reasons.join('；')}`);
      return 0;
    },
  },
  {
    path: ['livelihood', 'refresh-lights'],
    usage: 'livelihood refresh-lights',
    summary: '执行一次红黄绿灯定时任务：记录当日灯色，为红灯措施生成现场督办（多进程同时执行时只有一个生效）',
    async run(ctx) {
      const result = await refreshStatusLights(await ctx.database(), urumqiDate(new Date()), ctx.actor);
      if (ctx.json) ctx.io.json(result);
      else ctx.io.line(result.skipped ? `未执行：${result.skipped}` : `已计算 ${result.measures} 项措施，红灯 ${result.red} 项，新建现场督办 ${result.supervisionsOpened} 项`);
      return 0;
    },
  },
];
