import { readFileSync } from 'node:fs';
import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/**
 * The engine's configuration: environment variables, optionally completed by a JSON config file
 * (`PASSIVEWP_CONFIG`) whose keys are the same variable names. Parsed once at boot; the rest of
 * the code receives the frozen result and never reads `process.env`.
 */

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const basePath = z
  .string()
  .regex(/^(\/[A-Za-z0-9._~-]+)*$/, { error: 'must be empty or a path like /passivewp (no trailing slash)' });

/**
 * A list of addresses, CIDR ranges and proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`),
 * separated by commas or spaces. Empty, `false` or `none` is the empty list.
 */
function addressList(options: { refuseTrue?: string } = {}) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const entries = (text ?? '').split(/[\s,]+/).filter(Boolean);
      const single = entries.length === 1 ? entries[0]!.toLowerCase() : undefined;
      if (single && ['false', 'no', '0', 'none'].includes(single)) return [];
      if (single && options.refuseTrue && ['true', 'yes', '1'].includes(single)) {
        ctx.addIssue({ code: 'custom', message: options.refuseTrue });
        return z.NEVER;
      }
      for (const entry of entries) {
        try {
          proxyaddr.compile(entry);
        } catch {
          ctx.addIssue({ code: 'custom', message: `"${entry.slice(0, 60)}" is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal` });
        }
      }
      return entries;
    });
}

/**
 * The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto the engine believes. `true` is
 * refused: trusting every hop would let any client write its own address into X-Forwarded-For and
 * so step around the login limits.
 */
const trustedProxyList = addressList({
  refuseTrue:
    'true would trust every client, so anyone could name their own IP address in X-Forwarded-For and escape the login limits. ' +
    'List the addresses of your reverse proxies instead, e.g. loopback, 10.0.0.5 or 10.0.0.0/8 (comma-separated); leave empty when clients connect directly',
});

/** Private and special-purpose addresses that outbound requests (OpenAI Base URL, Relay URL …) may reach; empty: public addresses only. */
const privateOutboundList = addressList();

const engineSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PASSIVEWP_HOST: z.string().min(1).default('127.0.0.1'),
  PASSIVEWP_PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int({ error: 'must be a whole number from 0 to 65535' })
    .min(0)
    .max(65535)
    .default(8080),
  PASSIVEWP_DATA_DIR: z.string().min(1).default('./data'),
  // The message never repeats the value: a database URL usually carries a password.
  PASSIVEWP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a PostgreSQL URL like postgres://user:password@host:5432/passivewp' })
    .optional(),
  PASSIVEWP_BASE_PATH: basePath.default(''),
  PASSIVEWP_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  PASSIVEWP_SECRET_KEY: z.string().optional(),
  PASSIVEWP_PREVIOUS_SECRET_KEYS: z.string().optional(),
  PASSIVEWP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PASSIVEWP_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  PASSIVEWP_TRUST_PROXY: trustedProxyList,
  PASSIVEWP_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: z
    .url({ protocol: /^https?$/, error: 'must be an origin like http://127.0.0.1:8790' })
    .refine((u) => new URL(u).pathname === '/', { error: 'must be an origin without a path, like http://127.0.0.1:8790' })
    .optional(),
  PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: z.coerce.number({ error: 'must be a number' }).min(0.1, { error: 'must be at least 0.1' }).max(10, { error: 'Amazon allows at most 10' }).default(1),
  PASSIVEWP_AMAZON_DAILY_QUOTA: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(1).max(864_000).default(8640),
  PASSIVEWP_AMAZON_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(500).max(120_000).default(10_000),
  PASSIVEWP_DAILY_CHECKS: booleanText.default(true),
  PASSIVEWP_MAXMIND_DOWNLOAD_URL: z
    .url({ protocol: /^https?$/, error: 'must be an origin like https://download.maxmind.com' })
    .refine((u) => new URL(u).pathname === '/', { error: 'must be an origin without a path, like https://download.maxmind.com' })
    .default('https://download.maxmind.com'),
  PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: privateOutboundList,
  PASSIVEWP_MAXMIND_WEB_SERVICE_HOST: z
    .string()
    .regex(/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?$|^https?:\/\/\[[0-9a-fA-F:]+\](:\d+)?$/, { error: 'must be a host name like geoip.maxmind.com, or an origin like http://127.0.0.1:8791' })
    .default('geoip.maxmind.com'),
});

/** The engine's own variables (settings add theirs through the registry). */
export const ENGINE_VARIABLES = [...Object.keys(engineSchema.shape), 'PASSIVEWP_CONFIG'];

/** A configuration variable that sets (and locks) one setting; declared by the settings registry. */
export interface SettingVariable {
  name: string;
  schema: z.ZodType;
}

export interface ConfigOverride {
  value: unknown;
  origin: 'env' | 'file';
}

export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection URL; undefined means the embedded SQLite file in `dataDir`. May hold a password: never log it. */
  databaseUrl: string | undefined;
  basePath: string;
  publicUrl: string | undefined;
  secretKey: string | undefined;
  previousSecretKeys: string[];
  log: { level: string; pretty: boolean };
  /** Reverse proxies trusted for X-Forwarded-For / -Proto (proxy-addr entries); empty trusts none. */
  trustedProxies: readonly string[];
  sessionTtlHours: number;
  amazon: {
    /** Sends every Amazon request to this origin, the real host as first path segment (tests, fake Amazon). */
    endpointOverride: string | undefined;
    requestsPerSecond: number;
    dailyQuota: number;
    timeoutMs: number;
  };
  /** The server re-checks every set-up integration once a day and warns on the dashboard when one starts failing. */
  dailyChecks: boolean;
  /** Private address ranges outbound requests may reach (proxy-addr entries); empty: public addresses only. */
  allowPrivateOutbound: readonly string[];
  maxmind: {
    /** Origin of MaxMind's database downloads; overridden in tests. */
    downloadUrl: string;
    /** Host of MaxMind's web service (HTTPS), or a full origin (tests). */
    webServiceHost: string;
  };
  configFile: string | undefined;
  /** Setting values fixed by configuration, by variable name. */
  settingOverrides: ReadonlyMap<string, ConfigOverride>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigInput {
  env: Record<string, string | undefined>;
  settingVariables: readonly SettingVariable[];
  cwd: string;
}

export function loadConfig({ env, settingVariables, cwd }: LoadConfigInput): Config {
  const problems: string[] = [];
  const configFile = env.PASSIVEWP_CONFIG?.trim() || undefined;
  const fileValues = configFile ? readConfigFile(path.resolve(cwd, configFile), problems) : {};

  const knownNames = new Set<string>([...Object.keys(engineSchema.shape), ...settingVariables.map((v) => v.name)]);
  for (const name of Object.keys(fileValues)) {
    if (!knownNames.has(name)) problems.push(`${name} (in PASSIVEWP_CONFIG file): unknown variable`);
  }

  const lookup = (name: string): { raw: string | undefined; origin: 'env' | 'file' } => {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== '') return { raw: fromEnv, origin: 'env' };
    const fromFile = fileValues[name];
    return { raw: fromFile, origin: 'file' };
  };

  const engineInput: Record<string, string | undefined> = {};
  for (const name of Object.keys(engineSchema.shape)) engineInput[name] = lookup(name).raw;
  const engine = engineSchema.safeParse(engineInput);
  if (!engine.success) {
    for (const issue of engine.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  }

  const settingOverrides = new Map<string, ConfigOverride>();
  for (const variable of settingVariables) {
    const { raw, origin } = lookup(variable.name);
    if (raw === undefined) continue;
    const parsed = variable.schema.safeParse(raw);
    if (parsed.success) settingOverrides.set(variable.name, { value: parsed.data, origin });
    else problems.push(`${variable.name}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  }

  if (!engine.success || problems.length > 0) throw new ConfigError(problems);
  const e = engine.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.PASSIVEWP_HOST,
    port: e.PASSIVEWP_PORT,
    dataDir: path.resolve(cwd, e.PASSIVEWP_DATA_DIR),
    databaseUrl: e.PASSIVEWP_DATABASE_URL,
    basePath: e.PASSIVEWP_BASE_PATH,
    publicUrl: e.PASSIVEWP_PUBLIC_URL?.replace(/\/+$/, ''),
    secretKey: e.PASSIVEWP_SECRET_KEY,
    previousSecretKeys: (e.PASSIVEWP_PREVIOUS_SECRET_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    log: {
      level: e.PASSIVEWP_LOG_LEVEL,
      pretty: (e.PASSIVEWP_LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty')) === 'pretty',
    },
    trustedProxies: Object.freeze(e.PASSIVEWP_TRUST_PROXY),
    sessionTtlHours: e.PASSIVEWP_SESSION_TTL_HOURS,
    amazon: {
      endpointOverride: e.PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE?.replace(/\/+$/, ''),
      requestsPerSecond: e.PASSIVEWP_AMAZON_REQUESTS_PER_SECOND,
      dailyQuota: e.PASSIVEWP_AMAZON_DAILY_QUOTA,
      timeoutMs: e.PASSIVEWP_AMAZON_TIMEOUT_MS,
    },
    dailyChecks: e.PASSIVEWP_DAILY_CHECKS,
    allowPrivateOutbound: Object.freeze(e.PASSIVEWP_ALLOW_PRIVATE_OUTBOUND),
    maxmind: {
      downloadUrl: e.PASSIVEWP_MAXMIND_DOWNLOAD_URL.replace(/\/+$/, ''),
      webServiceHost: e.PASSIVEWP_MAXMIND_WEB_SERVICE_HOST.replace(/\/+$/, ''),
    },
    configFile,
    settingOverrides,
  });
}

function readConfigFile(file: string, problems: string[]): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'not valid JSON';
    problems.push(`PASSIVEWP_CONFIG: ${file}: ${reason}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`PASSIVEWP_CONFIG: ${file}: must hold a JSON object of VARIABLE: value`);
    return {};
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) values[name] = String(value);
    else problems.push(`${name} (in PASSIVEWP_CONFIG file): must be a string, number or boolean`);
  }
  return values;
}
