import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Actor } from '../services/actor.js';

export interface CliIo {
  /** Human-readable line on stdout. */
  line(text: string): void;
  /** Machine-readable output (`--json`) on stdout. */
  json(value: unknown): void;
}

export interface CliContext {
  config: Config;
  /** Opens the configured database on first use (commands that need none never open it). */
  database(): Promise<Database>;
  actor: Actor;
  io: CliIo;
  json: boolean;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['user', 'add']. */
  path: string[];
  usage: string;
  summary: string;
  /** `node:util` parseArgs option spec for the command's flags. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  /** Returns the process exit code (0 = success). */
  run(ctx: CliContext, args: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }): Promise<number>;
}

export class CliUsageError extends Error {}
