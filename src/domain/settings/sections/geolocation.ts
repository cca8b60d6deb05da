import { z } from 'zod';
import { COUNTRY_CODES } from '../../geo/country-codes.js';
import { databaseNameProblem, GEO_FOLDER } from '../../geo/database-name.js';
import { DEFAULT_VISITOR_MARKETPLACES, type VisitorMarketplaceRow } from '../../geo/default-visitor-marketplaces.js';
import { GEO_EDITIONS } from '../../geo/geo-gateway.js';
import { MARKETPLACES } from '../../marketplaces/catalogue.js';
import type { FieldIssue } from '../../../shared/errors.js';
import { defineField, defineSection } from '../define-section.js';

/** An address, a CIDR range, or one of the names proxy-addr knows for private ranges. */
const isProxyEntry = (entry: string) =>
  ['loopback', 'linklocal', 'uniquelocal'].includes(entry) ||
  [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()].some((schema) => schema.safeParse(entry).success);

/** Entries may be separated by commas, spaces or new lines; stored one per line. */
export const splitProxyList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

const visitorMarketplaceRow = z.object({
  country: z.enum(COUNTRY_CODES as [string, ...string[]], { error: 'Choose a country from the list.' }),
  marketplace: z.enum(MARKETPLACES.map((m) => m.code) as [string, ...string[]], { error: 'Choose a marketplace from the list.' }),
});

/**
 * Settings → Geolocation: where visitor locations come from (a MaxMind database file or the
 * MaxMind web service), which proxies may name the visitor's address, and which Amazon store a
 * visitor from each country is sent to.
 */
export const geolocationSection = defineSection({
  id: 'geolocation',
  title: 'Geolocation',
  fields: {
    precision: defineField({
      label: 'Precision',
      help: 'Country is enough to pick the right Amazon store; City needs a City database or the City web service.',
      input: 'select',
      schema: z.enum(['country', 'city'], { error: 'Choose Country or City.' }),
      default: 'country' as 'country' | 'city',
      options: [
        { value: 'country', label: 'Country' },
        { value: 'city', label: 'City' },
      ],
    }),
    source: defineField({
      label: 'Source',
      help: 'A database file answers in microseconds and costs nothing per visitor; the web service needs no file but is paid per lookup.',
      input: 'select',
      schema: z.enum(['database', 'web_service'], { error: 'Choose a database file or the web service.' }),
      default: 'database' as 'database' | 'web_service',
      options: [
        { value: 'database', label: 'MaxMind database file (GeoLite2 / GeoIP2)' },
        { value: 'web_service', label: 'MaxMind web service' },
      ],
    }),
    databasePath: defineField({
      label: 'Database file',
      help: `Name of a Country or City .mmdb file in the ${GEO_FOLDER} folder of the data directory (e.g. GeoLite2-City.mmdb, or a sub-folder: country/GeoLite2-Country.mmdb); the engine reads no file outside that folder. Blank: the file automatic updates download (<edition>.mmdb).`,
      input: 'text',
      schema: z
        .string()
        .trim()
        .superRefine((name, context) => {
          const problem = name === '' ? null : databaseNameProblem(name);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        }),
      default: '',
      configVariable: 'PASSIVEWP_MAXMIND_DATABASE_PATH',
    }),
    autoUpdate: defineField({
      label: 'Automatic updates',
      help: 'Weekly: downloads the edition below with your account ID and license key, checks it, and only then replaces the file.',
      input: 'select',
      schema: z.enum(['off', 'weekly'], { error: 'Choose Off or Weekly.' }),
      default: 'off' as 'off' | 'weekly',
      options: [
        { value: 'off', label: 'Off — I update the file myself' },
        { value: 'weekly', label: 'Weekly download from MaxMind' },
      ],
    }),
    edition: defineField({
      label: 'Database edition',
      help: 'GeoLite2 is free with a MaxMind account; GeoIP2 is the paid, more accurate edition.',
      input: 'select',
      schema: z.enum(GEO_EDITIONS, { error: 'Choose one of the listed editions.' }),
      default: 'GeoLite2-Country' as (typeof GEO_EDITIONS)[number],
      options: GEO_EDITIONS.map((edition) => ({ value: edition, label: edition })),
    }),
    accountId: defineField({
      label: 'MaxMind Account ID',
      help: 'Needed for automatic updates and the web service: maxmind.com → My Account.',
      input: 'text',
      schema: z.string().trim().max(20, { error: 'Use at most 20 digits.' }).regex(/^\d*$/, { error: 'The account ID is a number (digits only).' }),
      default: '',
      configVariable: 'PASSIVEWP_MAXMIND_ACCOUNT_ID',
    }),
    licenseKey: defineField({
      label: 'MaxMind License Key',
      help: 'maxmind.com → My Account → Manage License Keys. Stored encrypted and never shown again.',
      input: 'secret',
      secret: true,
      schema: z.string().trim().min(8, { error: 'This is too short to be a license key.' }).max(200, { error: 'Use at most 200 characters.' }).regex(/^\S+$/, { error: 'A license key has no spaces.' }),
      default: '',
      configVariable: 'PASSIVEWP_MAXMIND_LICENSE_KEY',
    }),
    trustedProxies: defineField({
      label: 'Trusted proxies',
      help: 'Addresses or ranges of your CDN or reverse proxy, one per line (e.g. 10.0.0.0/8, loopback). Only these may name the visitor’s address in X-Forwarded-For; from anyone else the header is ignored.',
      input: 'textarea',
      schema: z
        .string()
        .max(5000, { error: 'Use at most 5000 characters.' })
        .transform(splitProxyList)
        .superRefine((entries, context) => {
          const bad = entries.filter((entry) => !isProxyEntry(entry));
          if (bad.length) context.addIssue({ code: 'custom', message: `Not an IP address or range: ${bad.slice(0, 3).join(', ')}. Use e.g. 203.0.113.7, 10.0.0.0/8, 2001:db8::/32 or loopback.` });
        })
        .transform((entries) => entries.join('\n')),
      default: '',
      configVariable: 'PASSIVEWP_TRUSTED_PROXIES',
    }),
    visitorMarketplaces: defineField({
      label: 'Visitor country → Amazon store',
      help: 'Visitors from a listed country are sent to its store; visitors from other countries go to their own country’s store, or to the Default Country when it has none.',
      input: 'country-map',
      schema: z.array(visitorMarketplaceRow, { error: 'Send a list of { country, marketplace } rows.' }).max(300, { error: 'Use at most 300 rows.' }),
      default: DEFAULT_VISITOR_MARKETPLACES as VisitorMarketplaceRow[],
    }),
  },
  check(values) {
    const issues: FieldIssue[] = [];
    const needsAccount = values.source === 'web_service' || values.autoUpdate === 'weekly';
    if (needsAccount) {
      const needs = values.source === 'web_service' ? 'The web service needs' : 'Automatic updates need';
      if (!values.accountId) issues.push({ field: 'accountId', message: `${needs} your MaxMind account ID.` });
      if (!values.licenseKey) issues.push({ field: 'licenseKey', message: `${needs} a MaxMind license key.` });
    }
    const seen = new Map<string, number>();
    values.visitorMarketplaces.forEach((row, index) => {
      const first = seen.get(row.country);
      if (first !== undefined) issues.push({ field: `visitorMarketplaces.${index}.country`, message: `${row.country} is listed twice (also row ${first + 1}); keep one row per country.` });
      else seen.set(row.country, index);
    });
    return issues;
  },
  warn(values) {
    if (values.source === 'database' && values.autoUpdate === 'weekly' && values.precision === 'city' && values.edition.endsWith('-Country')) {
      return [{ field: 'edition', message: 'Precision is City, but a Country edition holds no cities: choose a City edition.' }];
    }
    return [];
  },
});
