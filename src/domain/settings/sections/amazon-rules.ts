import type { FieldIssue } from '../../../shared/errors.js';
import { MARKETPLACES, type CredentialVersion, type Marketplace } from '../../marketplaces/catalogue.js';

/** The values the rules read; typed here so that this file does not depend on the section declaration. */
interface AmazonValues {
  creatorsCredentialId: string;
  creatorsCredentialSecret: string;
  creatorsCredentialVersion: '' | CredentialVersion;
  defaultCountry: string;
  defaultPartnerTag: string;
  marketplaces: Array<{
    country: string;
    partnerTag: string;
    enabled: boolean;
    credentials?: { creatorsCredentialId?: string; creatorsCredentialSecret?: string; creatorsCredentialVersion?: '' | CredentialVersion; paapiAccessKey?: string; paapiSecretKey?: string };
  }>;
}

const byCode = new Map(MARKETPLACES.map((m) => [m.code, m]));
const REGION_NAMES = { NA: 'North America', EU: 'Europe, India and the Middle East', FE: 'Japan, Singapore and Australia' } as const;

/** Problems that refuse a save: they would make a marketplace unusable. */
export function checkAmazonSettings(v: AmazonValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const firstRowOf = new Map<string, number>();
  v.marketplaces.forEach((row, i) => {
    const name = byCode.get(row.country)?.name ?? row.country;
    const earlier = firstRowOf.get(row.country);
    if (earlier !== undefined) issues.push({ field: `marketplaces.${i}.country`, message: `${name} is already listed in row ${earlier + 1}; each marketplace has one row.` });
    else firstRowOf.set(row.country, i);
    if (row.enabled && !row.partnerTag && !v.defaultPartnerTag) {
      issues.push({ field: `marketplaces.${i}.partnerTag`, message: `Enter the partner tag for ${name}, or set a Default Partner Tag.` });
    }
    const c = row.credentials;
    if (c?.creatorsCredentialId && !c.creatorsCredentialSecret) {
      issues.push({ field: `marketplaces.${i}.credentials.creatorsCredentialSecret`, message: `Enter the secret of the credential used for ${name}.` });
    }
    if (c?.paapiAccessKey && !c.paapiSecretKey) {
      issues.push({ field: `marketplaces.${i}.credentials.paapiSecretKey`, message: `Enter the PA-API secret key used for ${name}.` });
    }
  });
  return issues;
}

/** Doubts shown next to a field that never block a save: Amazon has the final word. */
export function warnAboutAmazonSettings(v: AmazonValues): FieldIssue[] {
  const warnings: FieldIssue[] = [];
  const defaultMarketplace = byCode.get(v.defaultCountry);
  if (defaultMarketplace) {
    const w = unusualSuffix(v.defaultPartnerTag, defaultMarketplace);
    if (w) warnings.push({ field: 'defaultPartnerTag', message: w });
  }
  v.marketplaces.forEach((row, i) => {
    const marketplace = byCode.get(row.country);
    if (!marketplace || !row.enabled) return;
    const suffix = unusualSuffix(row.partnerTag, marketplace);
    if (suffix) warnings.push({ field: `marketplaces.${i}.partnerTag`, message: suffix });
    const own = row.credentials?.creatorsCredentialId ? row.credentials.creatorsCredentialVersion : undefined;
    const version = own || (row.credentials?.creatorsCredentialId ? '' : v.creatorsCredentialVersion);
    if (version && !marketplace.creatorsVersions.includes(version)) {
      const field = own ? `marketplaces.${i}.credentials.creatorsCredentialVersion` : `marketplaces.${i}.country`;
      warnings.push({
        field,
        message: `Credential version ${version} serves ${REGION_NAMES[regionOf(version)]}; ${marketplace.name} needs ${marketplace.creatorsVersions.join(' or ')}. Amazon may refuse it — add credentials for that region on this row.`,
      });
    }
  });
  return warnings;
}

function unusualSuffix(tag: string, marketplace: Marketplace): string | undefined {
  if (!tag || tag.endsWith(marketplace.tagSuffix)) return undefined;
  return `Partner tags for ${marketplace.name} usually end in ${marketplace.tagSuffix}. Check that this tag belongs to that marketplace.`;
}

function regionOf(version: CredentialVersion): keyof typeof REGION_NAMES {
  return ({ '1': 'NA', '2': 'EU', '3': 'FE' } as const)[version.slice(-1) as '1' | '2' | '3'];
}
