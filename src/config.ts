import path from 'node:path';
import { z } from 'zod';

/** Every setting yizheng reads from the environment. Nothing else reads `process.env`. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  YIZHENG_DATA_DIR: z.string().min(1).default('./data'),
  YIZHENG_ADMIN_PASSWORD: z.string().optional(),
  YIZHENG_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '必须是 64 位十六进制（32 字节）密钥')
    .optional(),
  YIZHENG_PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  YIZHENG_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  YIZHENG_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  YIZHENG_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180).default(180),
  YIZHENG_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  YIZHENG_IMPORT_BUNDLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  secretKey: string | undefined;
  passwordMaxAgeDays: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  auditRetentionDays: number;
  trustProxy: boolean;
  importBundledDocuments: boolean;
  logLevel: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: path.resolve(v.YIZHENG_DATA_DIR),
    adminPassword: v.YIZHENG_ADMIN_PASSWORD,
    secretKey: v.YIZHENG_SECRET_KEY,
    passwordMaxAgeDays: v.YIZHENG_PASSWORD_MAX_AGE_DAYS,
    sessionIdleMinutes: v.YIZHENG_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: v.YIZHENG_SESSION_ABSOLUTE_HOURS,
    auditRetentionDays: v.YIZHENG_AUDIT_RETENTION_DAYS,
    trustProxy: v.YIZHENG_TRUST_PROXY,
    importBundledDocuments: v.YIZHENG_IMPORT_BUNDLED,
    logLevel: v.LOG_LEVEL,
  };
}
