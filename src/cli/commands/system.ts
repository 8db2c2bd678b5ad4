import { migrate } from '../../db/migrate.js';
import { checkRoleSeparation } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { verifyAuditChain } from '../../services/audit/audit.service.js';
import { generatePassword } from '../../services/auth/passwords.js';
import { createUser, findUserByUsername, listUsers, lockUser, unlockUser } from '../../services/auth/users.service.js';
import { findOrganization } from '../../services/directory/organizations.service.js';
import { CliUsageError, type CliCommand, type CliContext } from '../command.js';

async function userIdOf(ctx: CliContext, username: string | undefined): Promise<string> {
  if (!username) throw new CliUsageError('缺少用户名');
  const user = await findUserByUsername((await ctx.database()).db, username);
  if (!user) throw new DomainError('NOT_FOUND', `用户 ${username} 不存在`, 404);
  return user.id;
}

export const systemCommands: CliCommand[] = [
  {
    path: ['user', 'add'],
    usage: 'user add USERNAME --name 显示名 --roles role1,role2 [--org 单位] [--password 密码]',
    summary: '新建用户（不给密码时生成随机密码并显示一次；首次登录须修改密码）',
    options: { name: { type: 'string' }, roles: { type: 'string' }, org: { type: 'string' }, password: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const username = positionals[0];
      if (!username || typeof values.roles !== 'string') throw new CliUsageError('需要用户名和 --roles');
      const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
      const problem = checkRoleSeparation(roles);
      if (problem) throw new DomainError('VALIDATION', problem);
      const database = await ctx.database();
      let organizationId: string | null = null;
      if (typeof values.org === 'string') {
        const org = await findOrganization(database.db, values.org);
        if (!org) throw new DomainError('NOT_FOUND', `单位“${values.org}”不存在`, 404);
        organizationId = org.id;
      }
      const password = typeof values.password === 'string' ? values.password : generatePassword();
      const displayName = typeof values.name === 'string' ? values.name : username;
      const { id } = await createUser(database, ctx.actor, { username, displayName, roles, organizationId, password, mustChangePassword: true });
      if (ctx.json) ctx.io.json({ id, username, roles, ...(values.password ? {} : { password }) });
      else ctx.io.line(`已创建用户 ${username}${values.password ? '' : `，初始密码：${password}（仅显示这一次）`}`);
      return 0;
    },
  },
  {
    path: ['user', 'list'],
    usage: 'user list [--json]',
    summary: '列出用户',
    async run(ctx) {
      const users = await listUsers((await ctx.database()).db);
      if (ctx.json) ctx.io.json(users);
      else for (const u of users) ctx.io.line(`${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${u.status}\t${u.organizationName ?? ''}`);
      return 0;
    },
  },
  {
    path: ['user', 'lock'],
    usage: 'user lock USERNAME',
    summary: '锁定用户（直到解锁）',
    async run(ctx, { positionals }) {
      await lockUser(await ctx.database(), ctx.actor, await userIdOf(ctx, positionals[0]));
      if (ctx.json) ctx.io.json({ username: positionals[0], locked: true });
      else ctx.io.line(`已锁定用户 ${positionals[0]}`);
      return 0;
    },
  },
  {
    path: ['user', 'unlock'],
    usage: 'user unlock USERNAME',
    summary: '解锁用户并清零失败次数',
    async run(ctx, { positionals }) {
      await unlockUser(await ctx.database(), ctx.actor, await userIdOf(ctx, positionals[0]));
      if (ctx.json) ctx.io.json({ username: positionals[0], locked: false });
      else ctx.io.line(`已解锁用户 ${positionals[0]}`);
      return 0;
    },
  },
  {
    path: ['audit', 'verify'],
    usage: 'audit verify [--json]',
    summary: '校验审计日志哈希链，发现断裂时打印第一条并以非零状态退出',
    async run(ctx) {
      const result = await verifyAuditChain((await ctx.database()).db);
      if (ctx.json) ctx.io.json(result);
      else if (result.ok) ctx.io.line(`审计日志完整：已校验 ${result.checked} 条记录`);
      else {
        const b = result.firstBroken;
        ctx.io.line(`审计日志已被破坏：第 ${b?.seq} 条记录，${b?.reason}`);
        if (b?.record) ctx.io.line(JSON.stringify(b.record));
      }
      return result.ok ? 0 : 3;
    },
  },
  {
    path: ['db', 'migrate'],
    usage: 'db migrate',
    summary: '执行尚未执行的数据库迁移',
    async run(ctx) {
      const applied = await migrate(await ctx.database());
      if (ctx.json) ctx.io.json({ applied });
      else ctx.io.line(applied.length ? `已执行：${applied.join('、')}` : '数据库已是最新');
      return 0;
    },
  },
];
