import fs from 'node:fs';
import { DomainError } from '../../domain/errors.js';
import { isIsoDate, urumqiDate } from '../../domain/shared/dates.js';
import { bodiesForExport, listBodies } from '../../services/directory/bodies.queries.js';
import { listDuplicates } from '../../services/directory/duplicates.service.js';
import { exportRoster } from '../../services/directory/export-roster.js';
import { searchPeople } from '../../services/directory/people.queries.js';
import { appointPerson } from '../../services/directory/succession.js';
import { CliUsageError, type CliCommand } from '../command.js';

const today = () => urumqiDate(new Date());

function dateOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) throw new CliUsageError(`--${name} 应为日期 YYYY-MM-DD`);
  return value;
}

export const directoryCommands: CliCommand[] = [
  {
    path: ['bodies'],
    usage: 'bodies [--json]',
    summary: '议事协调机构及其现行名单（组成人员、办公室、联络员）',
    async run(ctx) {
      const db = (await ctx.database()).db;
      if (ctx.json) {
        ctx.io.json(await bodiesForExport(db, today()));
        return 0;
      }
      for (const b of await listBodies(db, today())) {
        const leaders = b.roster.members.filter((m) => m.rank === 'leader').map((m) => `${m.role}${m.name}`).join('、');
        ctx.io.line(`${b.name}\t${b.roster.version?.docNumber ?? ''}\t组成人员${b.roster.members.length}人\t${leaders}${b.roster.liaisons.length ? `\t联络员${b.roster.liaisons.length}人` : ''}`);
      }
      return 0;
    },
  },
  {
    path: ['bodies', 'export'],
    usage: 'bodies export 机构名称 --format xlsx|docx --out FILE [--on YYYY-MM-DD]',
    summary: '按原附件版式导出组成人员名单（Excel 或 Word）',
    options: { format: { type: 'string' }, out: { type: 'string' }, on: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const name = positionals.join('').trim();
      const format = values.format;
      if (!name || (format !== 'xlsx' && format !== 'docx') || typeof values.out !== 'string') throw new CliUsageError('需要机构名称、--format xlsx|docx 和 --out');
      const database = await ctx.database();
      const found = (await listBodies(database.db, today())).filter((b) => b.name.includes(name));
      if (found.length !== 1) throw new DomainError('NOT_FOUND', found.length ? `“${name}”对应多个机构：${found.map((b) => b.name).join('、')}` : `没有名称含“${name}”的议事协调机构`, 404);
      const file = await exportRoster(database, ctx.actor, found[0].id, { format, day: dateOption(values.on, 'on'), today: today() });
      fs.writeFileSync(values.out, file.content);
      if (ctx.json) ctx.io.json({ file: values.out, name: file.fileName, bytes: file.content.length });
      else ctx.io.line(`已导出：${values.out}（${file.fileName}）`);
      return 0;
    },
  },
  {
    path: ['people', 'search'],
    usage: 'people search QUERY [--json]',
    summary: '按姓名（汉字、拼音 dalie、首字母 dlbk）或单位查找人员',
    async run(ctx, { positionals }) {
      const q = positionals.join(' ').trim();
      if (!q) throw new CliUsageError('请给出检索词');
      const people = await searchPeople((await ctx.database()).db, q, 200);
      if (ctx.json) ctx.io.json(people);
      else for (const p of people) ctx.io.line(`${p.name}\t${p.organization ?? ''}\t${p.positions.join('；')}`);
      return 0;
    },
  },
  {
    path: ['people', 'duplicates'],
    usage: 'people duplicates [--all] [--json]',
    summary: '疑似同一人（待人工确认；--all 含已确认和已排除的）',
    options: { all: { type: 'boolean' } },
    async run(ctx, { values }) {
      const all = values.all === true;
      const found = await listDuplicates((await ctx.database()).db, { includeReviewed: all });
      if (ctx.json) ctx.io.json(found.map((d) => ({ names: d.names, reason: d.reason, ...(all ? { status: d.status } : {}) })));
      else for (const d of found) ctx.io.line(`${d.names.join(' / ')}\t${d.reason}${all ? `\t${d.status}` : ''}`);
      return 0;
    },
  },
  {
    path: ['people', 'appoint'],
    usage: 'people appoint 姓名 --post 单位职务 --from YYYY-MM-DD [--replaces 姓名] [--note 说明]',
    summary: '登记新任职人员；实行自动递补的机构名单自该日起由其接替',
    options: { post: { type: 'string' }, from: { type: 'string' }, replaces: { type: 'string' }, note: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const name = positionals.join('').trim();
      const effectiveOn = dateOption(values.from, 'from');
      if (!name || typeof values.post !== 'string' || !effectiveOn) throw new CliUsageError('需要姓名、--post 和 --from');
      const database = await ctx.database();
      let replacesPersonId: string | null = null;
      if (typeof values.replaces === 'string') {
        const named = (await searchPeople(database.db, values.replaces, 500)).filter((p) => p.name === values.replaces);
        if (named.length !== 1) throw new DomainError('NOT_FOUND', named.length ? `有${named.length}位“${values.replaces}”，请在网页上选择` : `未找到人员“${values.replaces}”`, 404);
        replacesPersonId = named[0].id;
      }
      const result = await appointPerson(database, ctx.actor, {
        name, position: values.post, effectiveOn, replacesPersonId, note: typeof values.note === 'string' ? values.note : null,
      });
      if (ctx.json) ctx.io.json(result);
      else {
        ctx.io.line(`已登记：${name}任${result.post}（${effectiveOn}起）${result.predecessor ? `，接替${result.predecessor.name}` : ''}`);
        for (const s of result.successions) ctx.io.line(`  自动递补：${s.body}（${s.role}）`);
      }
      return 0;
    },
  },
];
