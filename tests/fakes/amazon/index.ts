/** The fake Amazon: token services, Creators API and PA-API 5.0 on one loopback origin, for tests and local runs. */
export { startFakeAmazon, type FakeAmazon, type FakeAmazonOptions } from './start-fake-amazon.js';
export { FakeAmazonState, type IssuedToken } from './state.js';
export type { LoggedRequest } from './request-log.js';
export {
  DEFAULT_RATE_LIMIT, DEFAULT_SCENARIO,
  type FakeAmazonScenario, type FakeCreatorsCredential, type FakeFault, type FakePaapiKey, type PartnerTagsByMarketplace,
  type RateLimit, type ScenarioOverride, type ScenarioPatch, type Surface,
} from './scenario.js';
export { fakeCatalogue, type FakeItem, type WellKnownAsins } from './data/fake-catalogue.js';
export { DEMO_CREDENTIALS, DEMO_PAAPI_KEY, demoCredential, demoTag } from './demo-scenario.js';
export { TOKEN_HOSTS } from './token/token-hosts.js';
