import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './project-root';

/**
 * The one configuration object of the project, read from the environment (and `.env` at the
 * project root, if present) once, validated, and shared by the API, the loader and the bootstrap.
 * Every variable is documented in `.env.example`.
 */
/** Public, so fine for a local trial only: a production server refuses to start with it. */
/** Running as root: where the embedded server's binaries and data go when it cannot reach the project. */
export const DEFAULT_RUNTIME_DIR = '/var/lib/iop-outcomes';

export const DEFAULT_EMBEDDED_PASSWORD = 'iop-embedded-local';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  EMBEDDED_PG_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_RUNTIME_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  EMBEDDED_PG_PASSWORD: z.string().min(8, 'must be at least 8 characters').default(DEFAULT_EMBEDDED_PASSWORD),
  EMBEDDED_PG_DATABASE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case Postgres identifier')
    .default('iop'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DEMO_DATA: booleanFromEnv.default(true),
  DEMO_PARTICIPANTS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(10, 'must be at least 10')
    .max(1_000_000, 'must be at most 1,000,000')
    .default(2000),
  DEMO_SEED: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').default(1),
  LOG_SQL: booleanFromEnv.default(false),
  TRUST_PROXY: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isProxyAddress), {
      message: 'must list IP addresses or subnets (10.0.0.1, 10.0.0.0/8, ::1), or loopback, linklocal, uniquelocal',
    })
    .optional(),
  PROGRAM_TIMEZONE: z
    .string()
    .refine(isTimeZone, { message: 'must be an IANA time zone name such as America/Denver or UTC' })
    .default('UTC'),
  PART2_ANALYTICS_CONSENT: booleanFromEnv.default(false),
  INBOX_DIR: z.string().min(1).optional(),
  INBOX_POLL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(30),
  INBOX_SETTLE_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(60),
  SUPPRESSION_THRESHOLD: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(11, 'must be at least 11 (the floor for anything a funder sees)')
    .default(11),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  projectRoot: string;
  /** Set when an external server is to be used; otherwise the embedded one is started. */
  databaseUrl: string | undefined;
  /**
   * runtimeDir: running as root only, where the binaries and data go when the server's OS user
   * cannot reach them in the project (a clone in a private folder).
   */
  embedded: { dataDir: string; runtimeDir: string; port: number; password: string; database: string };
  http: { host: string; port: number };
  demo: { enabled: boolean; participants: number; seed: number };
  logSql: boolean;
  /** Funder-facing counts below this, and figures built on them, are suppressed (never below 11). */
  suppressionThreshold: number;
  /**
   * The proxies whose X-Forwarded-For is believed (Express `trust proxy`: addresses, subnets, or
   * loopback/linklocal/uniquelocal). Empty: none, so a client's address is its socket's, and the
   * sign-in throttle cannot be dodged by a made-up header.
   */
  trustProxy: string[];
  /**
   * How a FHIR bulk export is read (docs/FHIR_MAPPING.md): the IANA time zone a dateTime's date is
   * taken in, and whether resources labelled 42 CFR Part 2 may be loaded for analytics.
   */
  fhir: { timeZone: string; part2AnalyticsConsent: boolean };
  /**
   * The watched inbox (etl/src/inbox): a folder exports are dropped into, loaded in order by the API
   * server. Unset: no inbox. settleSeconds: how long a drop without a `.ready` marker must be
   * unchanged before it counts as complete.
   */
  inbox: { dir: string; pollSeconds: number; settleSeconds: number } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment; throws a ConfigError naming every bad variable and why. */
export function parseConfig(env: NodeJS.ProcessEnv, root: string = projectRoot()): AppConfig {
  // Empty strings mean "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.join('.');
        const value = cleaned[key];
        const shown = key.includes('PASSWORD') || key === 'DATABASE_URL' ? '' : ` (got "${value}")`;
        return `${key} ${issue.message}${shown}`;
      }),
    );
  }
  const e = result.data;
  return {
    nodeEnv: e.NODE_ENV,
    projectRoot: root,
    databaseUrl: e.DATABASE_URL,
    embedded: {
      dataDir: path.resolve(root, e.EMBEDDED_PG_DIR ?? '.data/postgres'),
      runtimeDir: path.resolve(root, e.EMBEDDED_PG_RUNTIME_DIR ?? DEFAULT_RUNTIME_DIR),
      port: e.EMBEDDED_PG_PORT,
      password: e.EMBEDDED_PG_PASSWORD,
      database: e.EMBEDDED_PG_DATABASE,
    },
    http: { host: e.HOST, port: e.PORT },
    demo: { enabled: e.DEMO_DATA, participants: e.DEMO_PARTICIPANTS, seed: e.DEMO_SEED },
    logSql: e.LOG_SQL,
    suppressionThreshold: e.SUPPRESSION_THRESHOLD,
    trustProxy: e.TRUST_PROXY ?? [],
    fhir: { timeZone: e.PROGRAM_TIMEZONE, part2AnalyticsConsent: e.PART2_ANALYTICS_CONSENT },
    inbox:
      e.INBOX_DIR === undefined
        ? null
        : {
            dir: path.resolve(root, e.INBOX_DIR),
            pollSeconds: e.INBOX_POLL_SECONDS,
            settleSeconds: e.INBOX_SETTLE_SECONDS,
          },
  };
}

let cached: AppConfig | undefined;

/** The process-wide configuration: `.env` is read first (real environment variables win). */
export function loadConfig(): AppConfig {
  if (cached) return cached;
  const root = projectRoot();
  const envFile = path.join(root, '.env');
  const fromFile = existsSync(envFile) ? parseEnvFile(envFile) : {};
  cached = parseConfig({ ...fromFile, ...process.env }, root);
  return cached;
}

function parseEnvFile(file: string): Record<string, string> {
  const target: Record<string, string> = {};
  // process.loadEnvFile writes into process.env; read into a copy so real variables keep priority.
  const saved = { ...process.env };
  process.loadEnvFile(file);
  for (const [k, v] of Object.entries(process.env)) if (saved[k] === undefined && v !== undefined) target[k] = v;
  for (const k of Object.keys(target)) delete process.env[k];
  return target;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Express's names for address ranges it trusts as proxies. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a subnet (address/prefix length), or one of Express's range names. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}
