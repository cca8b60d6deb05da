import { MARKETPLACES, type CredentialVersion, type RegionGroup } from '../../../src/domain/marketplaces/catalogue.js';
import type { FakeCreatorsCredential, FakePaapiKey, PartnerTagsByMarketplace } from './scenario.js';

/**
 * A ready-made set of credentials: one Creators credential per version, each with a tracking ID
 * for every store of its region, and one PA-API key for all stores. Used by the standalone
 * script and handy in tests. Ids and secrets are shaped like real ones and are obviously fake.
 */
export function demoTag(marketplaceCode: string): string {
  const suffix = MARKETPLACES.find((m) => m.code === marketplaceCode)?.tagSuffix ?? '-20';
  return `passivewp${marketplaceCode}${suffix}`;
}

function tagsFor(region: RegionGroup | 'ALL'): PartnerTagsByMarketplace {
  return Object.fromEntries(MARKETPLACES.filter((m) => region === 'ALL' || m.region === region).map((m) => [m.code, [demoTag(m.code)]]));
}

const REGION_OF: Record<CredentialVersion, RegionGroup> = { '2.1': 'NA', '2.2': 'EU', '2.3': 'FE', '3.1': 'NA', '3.2': 'EU', '3.3': 'FE' };

function credential(version: CredentialVersion): FakeCreatorsCredential {
  const n = version.replace('.', '');
  const id = version.startsWith('2.') ? `fakecognitoclient${n}000000000` : `amzn1.application-oa2-client.fake${n}0000000000000000000000000000`;
  const secret = version.startsWith('2.') ? `fakecognitosecret${n}00000000000000000000000000000000` : `amzn1.oa2-cs.v1.fake${n}000000000000000000000000000000000000000000000000000000000000`;
  return { id, secret, version, partnerTags: tagsFor(REGION_OF[version]) };
}

export const DEMO_CREDENTIALS: readonly FakeCreatorsCredential[] = (['2.1', '2.2', '2.3', '3.1', '3.2', '3.3'] as const).map(credential);

export const DEMO_PAAPI_KEY: FakePaapiKey = {
  accessKey: 'AKIAFAKEPAAPI0000001',
  secretKey: 'fakePaapiSecretKey0000000000000000000001',
  partnerTags: tagsFor('ALL'),
};

export function demoCredential(version: CredentialVersion): FakeCreatorsCredential {
  return DEMO_CREDENTIALS.find((c) => c.version === version) as FakeCreatorsCredential;
}
