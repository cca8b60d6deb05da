import type { ConfigOverride } from '../config/env.js';
import type { Keyring } from '../config/keyring.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { AttemptLimiter } from './auth/attempt-limiter.js';
import type { AdminStore, AuditStore, CheckRunStore, QuotaStore, RelayTokenStore, SessionStore, SettingsStore, SetupTokenStore, TransactionRunner } from './ports.js';
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
  loginLimiter: AttemptLimiter;
  /** Builds Amazon (and relay) clients that share one token cache and one request pacer. */
  productSources: SourceFactory;
  stores: {
    admins: AdminStore;
    sessions: SessionStore;
    setupTokens: SetupTokenStore;
    settings: SettingsStore;
    audit: AuditStore;
    quota: QuotaStore;
    relayTokens: RelayTokenStore;
    checkRuns: CheckRunStore;
    transaction: TransactionRunner;
  };
}
