import type { EngineContext } from '../context.js';
import type { IntegrationCheck, IntegrationId } from './integration-check.js';
import { SINGLE_INTEGRATIONS } from './single-integrations.js';

export interface LatestIntegrationCheck {
  check: IntegrationCheck | null;
  /** The saved settings changed since the check ran. */
  stale: boolean;
}

export async function readLatestIntegrationCheck(ctx: EngineContext, integration: IntegrationId): Promise<LatestIntegrationCheck> {
  const [[latest], settings] = await Promise.all([ctx.stores.integrationChecks.recent(integration, 1), SINGLE_INTEGRATIONS[integration].describeSettings(ctx)]);
  if (!latest) return { check: null, stale: false };
  const { fingerprint, ...check } = latest;
  return { check, stale: fingerprint !== settings.fingerprint };
}
