import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import type { Severity } from './cause-codes.js';
import { hasAmazonCredentials } from './has-amazon-credentials.js';
import { readCheckStatus } from './read-check-status.js';
import { readLatestIntegrationCheck } from './read-latest-integration-check.js';
import { SINGLE_INTEGRATIONS } from './single-integrations.js';

export interface IntegrationStatus {
  id: 'amazon' | 'openai' | 'geolocation';
  label: string;
  settingsRoute: string;
  configured: boolean;
  last: { status: Severity; summary: string; finishedAt: string; actor: string } | null;
  stale: boolean;
  /** Set when the latest check was a scheduled re-check and it failed: the dashboard warns. */
  scheduledFailure: { finishedAt: string; summary: string } | null;
}

export interface IntegrationsOverview {
  integrations: IntegrationStatus[];
  schedule: { enabled: boolean; nextRunAt: string | null };
}

const scheduledFailureOf = (last: IntegrationStatus['last']) =>
  last?.actor === 'scheduler' && last.status === 'error' ? { finishedAt: last.finishedAt, summary: last.summary } : null;

async function amazonStatus(ctx: EngineContext): Promise<{ status: IntegrationStatus; schedule: IntegrationsOverview['schedule'] }> {
  const [summary, values] = await Promise.all([readCheckStatus(ctx), readSectionValues(ctx, amazonSection)]);
  const run = summary.lastRun;
  const last = run && { status: (run.summary.error ? 'error' : run.summary.warning ? 'warning' : 'ok') as Severity, summary: run.summaryText, finishedAt: run.finishedAt, actor: run.actor };
  return {
    status: { id: 'amazon', label: 'Amazon', settingsRoute: '/settings/amazon', configured: hasAmazonCredentials(values), last, stale: summary.stale, scheduledFailure: scheduledFailureOf(last) },
    schedule: summary.schedule,
  };
}

/** The dashboard's one status overview: every integration's last check, its age and whether it is stale. */
export async function readIntegrationsOverview(ctx: EngineContext): Promise<IntegrationsOverview> {
  const singles = Object.values(SINGLE_INTEGRATIONS).map(async (integration): Promise<IntegrationStatus> => {
    const settings = await integration.describeSettings(ctx);
    const { check, stale } = await readLatestIntegrationCheck(ctx, integration.id, settings);
    const { configured } = settings;
    const last = check && { status: check.status, summary: check.findings.map((f) => f.message).join(' '), finishedAt: check.finishedAt, actor: check.actor };
    return { id: integration.id, label: integration.label, settingsRoute: integration.settingsRoute, configured, last, stale, scheduledFailure: scheduledFailureOf(last) };
  });
  const [amazon, ...others] = await Promise.all([amazonStatus(ctx), ...singles]);
  return { integrations: [amazon.status, ...others], schedule: amazon.schedule };
}
