import type { ConfigOverride } from '../config/env.js';
import type { Keyring } from '../config/keyring.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { AttemptLimiter } from './auth/attempt-limiter.js';
import type { OpenAiGateway } from './ai/openai-gateway.js';
import type { GeoGateway } from './geo/geo-gateway.js';
import type { JobQueue } from './jobs/job-queue.js';
import type {
  AdminStore,
  AiUsageStore,
  AuditStore,
  CheckRunStore,
  GeoUpdateStore,
  HelpFeedbackStore,
  IntegrationCheckStore,
  ProductStore,
  QuotaStore,
  RefreshPauseStore,
  RelayTokenStore,
  RelayUsageStore,
  SavedSearchStore,
  SessionStore,
  SettingsStore,
  SetupTokenStore,
  TransactionRunner,
} from './ports.js';
import type { SourceFactory } from './products/source-factory.js';
import type { SettingsRegistry } from './settings/registry.js';

/** Everything a domain operation may use, handed in by the composition root (src/main.ts). */
export interface EngineContext {
  clock: Clock;
  logger: Logger;
  keyring: Keyring;
  settingsRegistry: SettingsRegistry;
  settingOverrides: ReadonlyMap<string, ConfigOverride>;
  sessionTtlHours: number;
  /** Builds Amazon (and relay) clients that share one token cache and one request pacer. */
  productSources: SourceFactory;
  openAi: OpenAiGateway;
  geo: GeoGateway;
  /** Durable background jobs (src/jobs/registry.ts lists them): SQLite lease table or pg-boss. */
  jobs: JobQueue;
  /** The engine's data directory: downloaded databases live here. */
  dataDir: string;
  stores: {
    admins: AdminStore;
    sessions: SessionStore;
    /** Login attempts per account + address pair and per address (src/db/queries/login-attempt-store.ts). */
    loginAttempts: AttemptLimiter;
    setupTokens: SetupTokenStore;
    settings: SettingsStore;
    audit: AuditStore;
    quota: QuotaStore;
    relayTokens: RelayTokenStore;
    relayUsage: RelayUsageStore;
    checkRuns: CheckRunStore;
    integrationChecks: IntegrationCheckStore;
    aiUsage: AiUsageStore;
    geoUpdates: GeoUpdateStore;
    products: ProductStore;
    refreshPauses: RefreshPauseStore;
    savedSearches: SavedSearchStore;
    helpFeedback: HelpFeedbackStore;
    transaction: TransactionRunner;
  };
}
