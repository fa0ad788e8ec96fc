// Configuration: read from the environment once, validated by a schema; a bad value stops start-up naming the variable.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number({ message: 'expected a number' }).int('expected an integer').min(min).max(max);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  MEDIA_DIR: z.string().min(1).optional(),
  SEED_DEMO: bool.optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL: int(60, 86400).default(900),
  REFRESH_TOKEN_TTL: int(300, 60 * 86400).default(7 * 86400),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  CSV_MAX_BYTES: int(1024, 50 * 1024 * 1024).default(2 * 1024 * 1024),
  UPLOAD_MAX_BYTES: int(1024, 2 * 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  DB_POOL_SIZE: int(1, 200).default(20),
  LOGIN_MAX_FAILURES_PER_USER: int(1, 1000).default(5),
  LOGIN_MAX_FAILURES_PER_IP: int(1, 100000).default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: int(10, 86400).default(900),
  WEB_DIST: z.string().optional(),
  // Media: the image pipeline, its queue, storage and signed URLs.
  UPLOAD_MAX_PIXELS: int(1, 1_000_000_000).default(100_000_000),
  MEDIA_DRIVER: z.enum(['local', 's3'], { message: 'expected local or s3' }).default('local'),
  MEDIA_WORKER_CONCURRENCY: int(0, 8).default(1),
  MEDIA_POLL_INTERVAL_MS: int(100, 600_000).default(5000),
  MEDIA_JOB_LEASE_SECONDS: int(10, 86400).default(300),
  MEDIA_URL_TTL: int(30, 86400).default(900),
  MEDIA_URL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SHARP_CONCURRENCY: int(0, 64).default(0),
  S3_ENDPOINT: z.url({ message: 'expected an http(s) URL' }).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)')
    .optional(),
  S3_PREFIX: z.string().regex(/^[\w.\/-]*$/, 'expected letters, digits, ".", "-", "_" and "/"').default(''),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
}).superRefine((c, ctx) => {
  if (c.MEDIA_DRIVER !== 's3') return;
  for (const key of ['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when MEDIA_DRIVER=s3' });
  }
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface AppConfig extends Omit<RawConfig, 'SEED_DEMO' | 'MEDIA_DIR' | 'DATA_DIR' | 'WEB_DIST'> {
  DATA_DIR: string;
  MEDIA_DIR: string;
  SEED_DEMO: boolean;
  WEB_DIST: string;
  /** true when no DATABASE_URL is given and the API runs its own PostgreSQL under DATA_DIR. */
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset so `FOO= npm start` behaves like no FOO.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`));
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const embedded = !raw.DATABASE_URL;
  return {
    ...raw,
    DATA_DIR: dataDir,
    MEDIA_DIR: path.resolve(raw.MEDIA_DIR ?? path.join(dataDir, 'media')),
    SEED_DEMO: raw.SEED_DEMO ?? embedded,
    WEB_DIST: path.resolve(raw.WEB_DIST ?? path.join(__dirname, '..', '..', '..', 'web', 'dist')),
    embedded,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
