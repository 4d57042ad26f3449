import { DEFAULT_POLICY_SET_ID, findPolicySet } from '@ipfund/policy';
import { z } from 'zod';
import type { GraphqlLimits } from '../graphql/limits';

/** The development secret; production refuses to start with it (or with any secret shorter than 32 bytes). */
export const DEV_TOKEN_SECRET = 'ipfund-dev-secret-change-me-please-0123456789';

/** Words that make a secret guessable whatever its length (issue 9). */
const GUESSABLE_WORDS = [
  'password',
  'secret',
  'changeme',
  'change-me',
  'admin',
  'ipfund',
  'token',
  'example',
  'default',
  'qwerty',
  'letmein',
];

/**
 * Issue 9: production wants about 32 random bytes in TOKEN_SECRET (`openssl rand -hex 32` or
 * `openssl rand -base64 32`). The estimate is the length times the Shannon entropy of the secret's
 * own characters, which is about 245 bits for 64 random hex digits and about 215 for 44 base64
 * characters (never under 185 in 50,000 draws of each); 160 bits is the bar. So 32 × 'a' (0 bits), a repeated word, or 32 random letters
 * (about 150 bits) are refused, as is a secret with fewer than 10 different characters or one that
 * contains a common word. Returns why the secret is weak, or undefined.
 */
export function tokenSecretWeakness(secret: string): string | undefined {
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (counts.size < 10) return `it has only ${counts.size} different characters`;
  const lower = secret.toLowerCase();
  const word = GUESSABLE_WORDS.find((w) => lower.includes(w));
  if (word) return `it contains the guessable word "${word}"`;
  const n = [...secret].length;
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / n) * Math.log2(c / n);
  const bits = Math.floor(perChar * n);
  if (bits < 160) return `its estimated entropy is ${bits} bits, under 160 (use openssl rand -hex 32)`;
  return undefined;
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    /** A real PostgreSQL. Unset → the embedded PGlite database in DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    /**
     * The owner login that applies migrations (issue 8: two roles). Unset → DATABASE_URL does both,
     * and requests are served under DB_APP_ROLE by SET ROLE.
     */
    MIGRATION_DATABASE_URL: z.string().url().optional(),
    /** The role that serves requests: owns nothing, no BYPASSRLS (created by the migrations if missing). */
    DB_APP_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DB_APP_ROLE must be a lower-case identifier')
      .default('ipfund_app'),
    DATA_DIR: z.string().default('.data/pglite'),
    /** Connections the embedded server accepts; the pg pool uses the same number. */
    EMBEDDED_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(8),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
    TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').default(DEV_TOKEN_SECRET),
    TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(8 * 3600),
    /** Demo mode seeds demo data and lets the business date be set (never in production). */
    DEMO: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /** Fixed business date (YYYY-MM-DD) for demo and test; production always uses today in Asia/Shanghai. */
    BUSINESS_DATE: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'BUSINESS_DATE must be YYYY-MM-DD')
      .optional(),
    WEB_DIST: z.string().optional(),
    /** The district's measures the fund runs under: a policy-set id of @ipfund/policy's POLICIES. */
    POLICY: z.string().trim().default(DEFAULT_POLICY_SET_ID),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Whom to believe about the client address (login throttling, issue 9): `false` (the default)
     * uses the socket's peer; behind a proxy, its hop count (`1`) or addresses/subnets
     * (`loopback, 10.0.0.0/8`) — Express's `trust proxy`. Never `true` where clients reach the API
     * directly: they could then pick their own address with X-Forwarded-For.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .default('false')
      .transform((v): boolean | number | string =>
        v === 'false' || v === '' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v,
      ),
    /** Issue 9: request limits, refused before any resolver runs (graphql/limits.ts, README "Operating"). */
    GRAPHQL_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** Only for an operation of upload mutations alone, by a caller with a valid token (base64 files). */
    GRAPHQL_UPLOAD_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(16 * 1024 * 1024),
    GRAPHQL_MAX_QUERY_CHARS: z.coerce.number().int().min(100).default(20_000),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).default(2_000),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(5_000),
    /** SIGTERM/SIGINT: how long requests in flight may finish before the pool is closed anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    /**
     * Issue 12: where notification e-mails go (nodemailer), e.g. smtps://user:pass@smtp.example.cn:465.
     * Unset → the outbox is only written to the log.
     */
    SMTP_URL: z
      .string()
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    /** The sender of notification e-mails. */
    SMTP_FROM: z.string().email().default('noreply@ipfund.local'),
    /** How often the mailer looks for e-mails due (ms). */
    MAILER_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  })
  .superRefine((c, ctx) => {
    // Every article and threshold comes from the policy set: an unknown one must stop the boot.
    const policy = findPolicySet(c.POLICY);
    if (!policy) {
      ctx.addIssue({
        code: 'custom',
        path: ['POLICY'],
        message: `unknown policy set "${c.POLICY}"`,
      });
    }
    // The demo data (apps/api/src/demo) is written for the Jiangbei measures: dates, co-signers, ratios.
    if (c.DEMO && c.POLICY !== DEFAULT_POLICY_SET_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['POLICY'],
        message: `demo mode runs the ${DEFAULT_POLICY_SET_ID} measures only (the demo data is written for them)`,
      });
    }
    if (c.NODE_ENV !== 'production') return;
    if (policy?.fixture) {
      ctx.addIssue({
        code: 'custom',
        path: ['POLICY'],
        message: `production refuses the test fixture policy set "${c.POLICY}"`,
      });
    }
    if (c.TOKEN_SECRET === DEV_TOKEN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOKEN_SECRET'],
        message: 'production refuses the default secret',
      });
    }
    const weakness = c.TOKEN_SECRET === DEV_TOKEN_SECRET ? undefined : tokenSecretWeakness(c.TOKEN_SECRET);
    if (weakness) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOKEN_SECRET'],
        message: `production refuses a guessable secret: ${weakness}`,
      });
    }
    if (c.DEMO)
      ctx.addIssue({ code: 'custom', path: ['DEMO'], message: 'demo mode is not allowed in production' });
    if (c.BUSINESS_DATE) {
      ctx.addIssue({
        code: 'custom',
        path: ['BUSINESS_DATE'],
        message: 'production cannot set the business date',
      });
    }
    if (!c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'production needs a real PostgreSQL' });
    }
  })
  .superRefine((c, ctx) => {
    if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'needs DATABASE_URL (the embedded database has one login)',
      });
    }
  });

export type AppConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The owner login for migrations; undefined → databaseUrl. */
  migrationDatabaseUrl: string | undefined;
  /** The serving role (`ipfund_app`), for SET ROLE and `enterTenant`. */
  dbAppRole: string;
  dataDir: string;
  embeddedMaxConnections: number;
  dbPoolMax: number;
  tokenSecret: string;
  tokenTtlSeconds: number;
  demo: boolean;
  businessDate: string | undefined;
  webDist: string | undefined;
  /** The policy-set id (POLICY), known to @ipfund/policy's POLICIES. */
  policy: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Express `trust proxy` (TRUST_PROXY): false → the socket's peer is the client address. */
  trustProxy: boolean | number | string;
  /** Issue 9: what one GraphQL request may ask for (graphql/limits.ts). */
  graphqlLimits: Readonly<GraphqlLimits>;
  shutdownTimeoutMs: number;
  /** Issue 12: the notification outbox's SMTP server (none: logged only), sender and polling interval. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  mailerIntervalMs: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The only reader of process.env. Validated once at boot; everything else receives the typed result.
 * `--demo` on the command line is the same as DEMO=true.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): AppConfig {
  const input = { ...env };
  if (argv.includes('--demo')) input.DEMO = 'true';
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`));
  }
  const c = parsed.data;
  return Object.freeze({
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    migrationDatabaseUrl: c.MIGRATION_DATABASE_URL,
    dbAppRole: c.DB_APP_ROLE,
    dataDir: c.DATA_DIR,
    embeddedMaxConnections: c.EMBEDDED_MAX_CONNECTIONS,
    dbPoolMax: c.DB_POOL_MAX,
    tokenSecret: c.TOKEN_SECRET,
    tokenTtlSeconds: c.TOKEN_TTL_SECONDS,
    demo: c.DEMO,
    businessDate: c.BUSINESS_DATE,
    webDist: c.WEB_DIST,
    policy: c.POLICY,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    graphqlLimits: Object.freeze({
      bodyBytes: c.GRAPHQL_BODY_LIMIT_BYTES,
      uploadBodyBytes: Math.max(c.GRAPHQL_UPLOAD_BODY_LIMIT_BYTES, c.GRAPHQL_BODY_LIMIT_BYTES),
      maxQueryChars: c.GRAPHQL_MAX_QUERY_CHARS,
      maxTokens: c.GRAPHQL_MAX_TOKENS,
      maxDepth: c.GRAPHQL_MAX_DEPTH,
      maxAliases: c.GRAPHQL_MAX_ALIASES,
      maxDirectives: c.GRAPHQL_MAX_DIRECTIVES,
      maxCost: c.GRAPHQL_MAX_COST,
    }),
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    mailerIntervalMs: c.MAILER_INTERVAL_MS,
  });
}
