import type { EngineContext } from '../../domain/context.js';
import type { Db } from '../open-database.js';
import { createAdminStore } from './admin-store.js';
import { createAiUsageStore } from './ai-usage-store.js';
import { createAuditStore } from './audit-store.js';
import { createCheckRunStore } from './check-run-store.js';
import { createGeoUpdateStore } from './geo-update-store.js';
import { createHelpFeedbackStore } from './help-feedback-store.js';
import { createIntegrationCheckStore } from './integration-check-store.js';
import { createLoginAttemptStore } from './login-attempt-store.js';
import { createProductStore } from './product-store.js';
import { createQuotaStore } from './quota-store.js';
import { createRefreshPauseStore } from './refresh-pause-store.js';
import { createRelayTokenStore } from './relay-token-store.js';
import { createRelayUsageStore } from './relay-usage-store.js';
import { createSavedSearchStore } from './saved-search-store.js';
import { createSessionStore } from './session-store.js';
import { createSettingsStore } from './settings-store.js';
import { createSetupTokenStore } from './setup-token-store.js';

/** Binds every domain store to one database handle. */
export function createStores(db: Db): EngineContext['stores'] {
  return {
    admins: createAdminStore(db),
    sessions: createSessionStore(db),
    loginAttempts: createLoginAttemptStore(db),
    setupTokens: createSetupTokenStore(db),
    settings: createSettingsStore(db),
    audit: createAuditStore(db),
    quota: createQuotaStore(db),
    relayTokens: createRelayTokenStore(db),
    relayUsage: createRelayUsageStore(db),
    checkRuns: createCheckRunStore(db),
    integrationChecks: createIntegrationCheckStore(db),
    aiUsage: createAiUsageStore(db),
    geoUpdates: createGeoUpdateStore(db),
    products: createProductStore(db),
    refreshPauses: createRefreshPauseStore(db),
    savedSearches: createSavedSearchStore(db),
    helpFeedback: createHelpFeedbackStore(db),
    transaction: {
      run: (work) =>
        db.transaction().execute((trx) =>
          work({ admins: createAdminStore(trx), sessions: createSessionStore(trx), setupTokens: createSetupTokenStore(trx) }),
        ),
    },
  };
}
