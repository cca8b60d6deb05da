import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { worstSeverity, type CheckDetails, type CheckFinding, type IntegrationCheck, type IntegrationId } from './integration-check.js';

/** How many OpenAI / Geolocation checks are kept per integration. */
export const KEPT_INTEGRATION_CHECKS = 50;

export interface FinishedCheck {
  integration: IntegrationId;
  actor: string;
  startedAt: Date;
  findings: CheckFinding[];
  details: CheckDetails;
  fingerprint: string;
}

/** Stores a finished check and returns it as the API shows it (without the fingerprint). */
export async function recordIntegrationCheck(ctx: EngineContext, finished: FinishedCheck): Promise<IntegrationCheck> {
  const finishedAt = ctx.clock.now();
  const check: IntegrationCheck = {
    id: newId('check'),
    integration: finished.integration,
    actor: finished.actor,
    startedAt: finished.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    latencyMs: Math.max(0, finishedAt.getTime() - finished.startedAt.getTime()),
    status: worstSeverity(finished.findings),
    findings: finished.findings,
    details: finished.details,
  };
  await ctx.stores.integrationChecks.insert({ ...check, fingerprint: finished.fingerprint }, KEPT_INTEGRATION_CHECKS);
  return check;
}
