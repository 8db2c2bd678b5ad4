import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain/errors.js';
import { openRuntime } from '../runtime.js';
import { newRequestId } from '../services/audit/audit.service.js';
import { CliUsageError, type CliCommand, type CliContext } from './command.js';
import { COMMANDS } from './commands/index.js';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | null {
  const matches = COMMANDS.filter((c) => c.path.every((w, i) => words[i] === w)).sort((a, b) => b.path.length - a.path.length);
  return matches[0] ? { command: matches[0], rest: words.slice(matches[0].path.length) } : null;
}

function help(): string {
  return ['用法：npm run -s cli -- <命令> [参数] [--json]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`)].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-'));
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(words);
  if (!found) {
    err(`未知命令：${words.join(' ')}\n\n${help()}`);
    return 2;
  }
  const { command } = found;
  let database: Database | null = null;
  try {
    const parsed = parseArgs({
      args: argv.slice(command.path.length),
      options: { json: { type: 'boolean' }, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    const config = loadConfig();
    const json = parsed.values.json === true;
    const ctx: CliContext = {
      config,
      json,
      actor: { userId: null, username: `cli:${os.userInfo().username}`, roles: ['cli'], organizationId: null, ip: null, requestId: newRequestId() },
      io: { line: out, json: (value) => out(JSON.stringify(value, null, 2)) },
      database: async () => (database ??= await openRuntime(config, { info: err })),
    };
    return await command.run(ctx, { positionals: parsed.positionals, values: parsed.values });
  } catch (error) {
    if (error instanceof CliUsageError || (error instanceof TypeError && 'code' in error)) {
      err(`${error.message}\n用法：npm run -s cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof DomainError || error instanceof ConfigError) {
      err(error.message);
      return 1;
    }
    err(`命令失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    const opened = database as Database | null;
    if (opened) await opened.close();
  }
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
