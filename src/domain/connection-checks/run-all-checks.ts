import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { hasAmazonCredentials } from './has-amazon-credentials.js';
import { readIntegrationsOverview, type IntegrationsOverview } from './read-integrations-overview.js';
import { runAmazonCheck } from './run-amazon-check.js';
import { SINGLE_INTEGRATIONS } from './single-integrations.js';

/** "Check all": every integration that is set up, at the same time; returns the overview afterwards. */
export async function runAllChecks(ctx: EngineContext, { actor }: { actor: string }): Promise<IntegrationsOverview> {
  const checks: Array<Promise<unknown>> = [];
  if (hasAmazonCredentials(await readSectionValues(ctx, amazonSection))) checks.push(runAmazonCheck(ctx, { actor }));
  for (const integration of Object.values(SINGLE_INTEGRATIONS)) {
    if ((await integration.describeSettings(ctx)).configured) checks.push(integration.run(ctx, { actor }));
  }
  await Promise.all(checks);
  return readIntegrationsOverview(ctx);
}
