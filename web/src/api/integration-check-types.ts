export type { CheckDetails, CheckFinding, IntegrationCheck, IntegrationId } from '../../../src/domain/connection-checks/integration-check.js';
export type { LatestIntegrationCheck } from '../../../src/domain/connection-checks/read-latest-integration-check.js';
export type { IntegrationStatus, IntegrationsOverview } from '../../../src/domain/connection-checks/read-integrations-overview.js';
