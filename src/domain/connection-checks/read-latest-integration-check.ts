import type { EngineContext } from '../context.js';
import type { IntegrationCheck, IntegrationId } from './integration-check.js';
import { SINGLE_INTEGRATIONS } from './single-integrations.js';

export interface LatestIntegrationCheck {
  check: IntegrationCheck | null;
  /** The saved settings changed since the check ran. */
  stale: boolean;
}

/** `settings`: when the caller has already described them (the overview), they are not read again. */
export async function readLatestIntegrationCheck(
  ctx: EngineContext,
  integration: IntegrationId,
  settings?: { fingerprint: string },
): Promise<LatestIntegrationCheck> {
  const [[latest], { fingerprint }] = await Promise.all([ctx.stores.integrationChecks.recent(integration, 1), settings ?? SINGLE_INTEGRATIONS[integration].describeSettings(ctx)]);
  if (!latest) return { check: null, stale: false };
  const { fingerprint: _used, ...check } = latest;
  return { check, stale: latest.fingerprint !== fingerprint };
}
