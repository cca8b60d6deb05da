import { MARKETPLACES, type Marketplace } from './catalogue.js';

const byCode = new Map(MARKETPLACES.map((m) => [m.code, m]));
const byCountry = new Map(MARKETPLACES.map((m) => [m.country, m]));
const byDomain = new Map(MARKETPLACES.map((m) => [m.domain, m]));

/**
 * Finds a marketplace by our code (`uk`), ISO country (`GB`), or store host with or without
 * `www.` (`amazon.co.uk`, `www.amazon.co.uk`, `smile.amazon.de`); case-insensitive.
 */
export function findMarketplace(key: string): Marketplace | undefined {
  const k = key.trim().toLowerCase();
  if (!k) return undefined;
  const exact = byCode.get(k) ?? byCountry.get(k.toUpperCase());
  if (exact) return exact;
  const host = k.replace(/^[a-z]+:\/\//, '').split(/[/:?#]/)[0] ?? '';
  const amazonAt = host.lastIndexOf('amazon.');
  return amazonAt === -1 ? undefined : byDomain.get(`www.${host.slice(amazonAt)}`);
}
