import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config/env.js';
import { KEY_FILE_NAME, openKeyring, type Keyring } from './config/keyring.js';
import { migrateDatabase } from './db/migrate-database.js';
import { describePostgresUrl, openDatabase, SQLITE_FILE_NAMES, type Db, type Dialect, type OpenedDatabase } from './db/open-database.js';
import { restrictDataDir } from './db/restrict-data-dir.js';
import { isStorageFull } from './db/watch-storage.js';
import { createStores } from './db/queries/create-stores.js';
import { issueSetupToken } from './domain/auth/issue-setup-token.js';
import type { EngineContext } from './domain/context.js';
import { GEO_FOLDER } from './domain/geo/database-name.js';
import { findUnreadableSecrets } from './domain/settings/find-unreadable-secrets.js';
import { createSettingsRegistry, listSettingVariables, type SettingsRegistry } from './domain/settings/registry.js';
import { buildApp, type BuildAppOptions } from './http/build-app.js';
import { createSourceFactory } from './integrations/create-source-factory.js';
import { createOutboundHttp } from './integrations/http/create-outbound-http.js';
import { createGeoGateway } from './integrations/maxmind/create-geo-gateway.js';
import { webServiceOrigin } from './integrations/maxmind/web-service-origin.js';
import { moveLegacyGeoDatabases } from './integrations/maxmind/move-legacy-databases.js';
import { createOpenAiGateway } from './integrations/openai/create-openai-gateway.js';
import { startBackgroundWork } from './jobs/start-background-work.js';
import { createJobQueue } from './jobs/queues/create-job-queue.js';
import { registerJobs } from './jobs/registry.js';
import { systemClock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';
import type { DestinationStream } from 'pino';

/** The composition root: configuration → storage → domain context → HTTP. */

export interface Engine {
  config: Config;
  ctx: EngineContext;
  db: Db;
  /** Which store `db` speaks to: the embedded SQLite file or PostgreSQL (PASSIVEWP_DATABASE_URL). */
  dialect: Dialect;
  /** Since when writes fail for lack of disk space; null while they work. */
  storageFullSince(): Date | null;
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  env: Record<string, string | undefined>;
  cwd?: string;
  registry?: SettingsRegistry;
  logDestination?: DestinationStream;
  /** CLI commands that print their own output keep the log quiet unless something fails. */
  quiet?: boolean;
  /** Only for `passivewp secrets forget-unreadable`, which exists to get past a lost key. */
  allowUnreadableSecrets?: boolean;
}

/** A start-up failure the operator must fix; the CLI prints it and exits with code 2. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const registry = options.registry ?? createSettingsRegistry();
  const config = loadConfig({ env: options.env, settingVariables: listSettingVariables(registry), cwd: options.cwd ?? process.cwd() });
  const logger = createLogger({
    level: options.quiet ? 'warn' : config.log.level,
    pretty: config.log.pretty,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  for (const problem of restrictDataDir(config.dataDir, [KEY_FILE_NAME, ...SQLITE_FILE_NAMES])) logger.warn(problem);
  let keyring: Keyring;
  let opened: OpenedDatabase;
  try {
    keyring = openKeyring(config);
    opened = openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      onIdleConnectionError: (error) => logger.warn({ err: error }, 'idle database connection lost; the pool opens a new one'),
    });
  } catch (error) {
    throw explainStartupFailure(error, config);
  }
  const { db, dialect, location } = opened;
  try {
    const applied = await migrateDatabase(db, dialect);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    const stores = createStores(db);
    const geoFolder = path.join(config.dataDir, GEO_FOLDER);
    await moveLegacyGeoDatabases(config.dataDir, geoFolder, logger);
    // Every engine has its queue (a CLI command may send jobs); only startServer starts its workers.
    const now = () => ctx.clock.now();
    // One guarded way out for every integration. The vendor origins set by configuration are the operator's own.
    const http = createOutboundHttp({
      allowPrivate: config.allowPrivateOutbound,
      trustedOrigins: [config.amazon.endpointOverride, config.maxmind.downloadUrl, webServiceOrigin(config.maxmind.webServiceHost)],
    });
    const jobs = createJobQueue(config.databaseUrl ? { dialect: 'postgres', connectionString: config.databaseUrl, now } : { dialect: 'sqlite', db, now }, logger);
    const ctx: EngineContext = {
      clock: systemClock,
      logger,
      keyring,
      settingsRegistry: registry,
      settingOverrides: config.settingOverrides,
      sessionTtlHours: config.sessionTtlHours,
      productSources: createSourceFactory({ quota: stores.quota, http, ...config.amazon }),
      openAi: createOpenAiGateway({ http }),
      geo: createGeoGateway({ ...config.maxmind, http, folder: geoFolder }),
      jobs,
      dataDir: config.dataDir,
      stores,
    };
    registerJobs(ctx, jobs);
    const unreadable = await findUnreadableSecrets(ctx);
    if (unreadable.length && !options.allowUnreadableSecrets) {
      throw new StartupError(
        `${unreadable.length} stored secret(s) (${unreadable.map((s) => `${s.section}.${s.key}`).join(', ')}) were encrypted with key ${unreadable[0]?.keyId}, ` +
          `but the loaded key is ${keyring.keyId} (from ${keyring.source}). Restore the original PASSIVEWP_SECRET_KEY or ${path.join(config.dataDir, 'secret.key')}, ` +
          'or run `passivewp secrets forget-unreadable` to drop those values and enter them again.',
      );
    }
    logger.info(
      { dataDir: config.dataDir, storage: dialect, database: location, keySource: keyring.source, loginLimiter: `${dialect} login_attempts`, trustedProxies: config.trustedProxies.join(', ') || 'none', amazonPacer: `${dialect} quota and slots`, amazonEndpoint: config.amazon.endpointOverride ?? 'amazon', privateOutbound: config.allowPrivateOutbound.join(', ') || 'none', jobQueue: jobs.kind },
      'engine ready',
    );
    return {
      config,
      ctx,
      db,
      dialect,
      storageFullSince: opened.storageFullSince,
      close: async () => {
        await jobs.stop();
        await db.destroy();
        await http.close();
      },
    };
  } catch (error) {
    await opened.abandon();
    throw explainStartupFailure(error, config);
  }
}

/** A start that failed for lack of disk space says so, instead of showing the driver's error. */
function explainStartupFailure(error: unknown, config: Config): unknown {
  if (!isStorageFull(error)) return error;
  const where = config.databaseUrl ? `the data directory ${config.dataDir} or the PostgreSQL database ${describePostgresUrl(config.databaseUrl)}` : `the data directory ${config.dataDir}`;
  return new StartupError(`The disk holding ${where} is full, so the engine cannot start. Free some space there and start it again; nothing was left half-written.`, { cause: error });
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The built admin app (dist/web), also when the engine runs from src/ (tests, `npm run dev`). */
export const WEB_ROOT = path.basename(HERE) === 'src' ? path.resolve(HERE, '../dist/web') : path.resolve(HERE, '../web');

export async function createHttpApp(engine: Engine, webRoot = WEB_ROOT, options: Pick<BuildAppOptions, 'timeouts'> = {}): Promise<FastifyInstance> {
  return buildApp(engine.ctx, {
    ...options,
    basePath: engine.config.basePath,
    webRoot,
    trustedProxies: engine.config.trustedProxies,
    publicUrl: engine.config.publicUrl,
    ping: async () => {
      await sql`select 1`.execute(engine.db);
    },
    storageFullSince: () => engine.storageFullSince(),
  });
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  adminUrl: string;
  stop(): Promise<void>;
}

/** Background work that lives as long as a server: only `start` runs it, never the other CLI commands. */
const schedulers = new WeakMap<FastifyInstance, Array<{ stop(): Promise<void> }>>();

/** Starts serving and prints the admin URL, plus the first-run setup link while no administrator exists. */
export async function startServer(engine: Engine, print: (line: string) => void = console.log): Promise<RunningServer> {
  await engine.ctx.jobs.start();
  const app = await createHttpApp(engine);
  const address = await app.listen({ host: engine.config.host, port: engine.config.port });
  const background = [engine.ctx.jobs, startBackgroundWork(engine.ctx, { dailyChecks: engine.config.dailyChecks })];
  schedulers.set(app, background);
  // Also when the app is closed directly (tests) rather than through stopServer.
  app.server.once('close', () => void Promise.all(background.map((work) => work.stop())));
  const origin = engine.config.publicUrl ?? address.replace('[::1]', 'localhost');
  const adminUrl = `${origin}${engine.config.basePath}/admin/`;
  print(`PassiveWP is running. Admin: ${adminUrl}`);
  const setup = await issueSetupToken(engine.ctx);
  if (setup) {
    print(`No administrator yet. Create one within the next hour at: ${adminUrl}#/setup/${setup.token}`);
    print('(or from a terminal: npx passivewp admin create --email you@example.com --password ...)');
  }
  return { app, url: origin, adminUrl, stop: () => stopServer(app, engine) };
}

/** Lets in-flight requests finish, then closes storage; gives up waiting after `timeoutMs`. */
export async function stopServer(app: FastifyInstance, engine: Engine, timeoutMs = 9000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      engine.ctx.logger.warn('shutdown deadline reached; closing remaining connections');
      app.server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
  });
  // A keep-alive socket whose request finishes during shutdown turns idle only then: keep sweeping.
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
  await Promise.race([Promise.all([app.close(), ...(schedulers.get(app) ?? []).map((work) => work.stop())]), deadline]);
  clearInterval(sweeper);
  clearTimeout(timer);
  await engine.close();
}

export type { Logger };
