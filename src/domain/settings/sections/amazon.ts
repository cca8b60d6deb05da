import { z } from 'zod';
import { CREDENTIAL_VERSIONS, MARKETPLACES } from '../../marketplaces/catalogue.js';
import { defineField, defineSection } from '../define-section.js';
import { checkAmazonSettings, warnAboutAmazonSettings } from './amazon-rules.js';
import { endpointUrl } from './endpoint-url.js';

export const AMAZON_API_MODES = ['auto', 'creators', 'paapi', 'passivewp'] as const;
export type AmazonApiMode = (typeof AMAZON_API_MODES)[number];

const marketplaceCode = z.enum(MARKETPLACES.map((m) => m.code) as [string, ...string[]], { error: 'Choose a marketplace from the list.' });
const partnerTag = z
  .string()
  .trim()
  .max(64, { error: 'A partner tag has at most 64 characters.' })
  .regex(/^$|^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'A partner tag has no spaces or special characters (e.g. mysite-20).' });

const credentialVersion = z.enum(['', ...CREDENTIAL_VERSIONS], { error: 'Choose 2.1, 2.2, 2.3, 3.1, 3.2 or 3.3.' });

/** Credentials for one marketplace only; secrets are sealed inside the row (see `rowSecrets`). */
const rowCredentialsSchema = z.object({
  creatorsCredentialId: z.string().trim().max(200).optional(),
  creatorsCredentialSecret: z.string().trim().min(1).max(500).optional(),
  creatorsCredentialVersion: credentialVersion.optional(),
  paapiAccessKey: z.string().trim().max(128).optional(),
  paapiSecretKey: z.string().trim().min(1).max(256).optional(),
});

export const marketplaceRowSchema = z.object({
  country: marketplaceCode,
  partnerTag,
  enabled: z.boolean({ error: 'Enabled must be true or false.' }),
  credentials: rowCredentialsSchema.optional(),
});
export type MarketplaceRow = z.infer<typeof marketplaceRowSchema>;

/**
 * Settings → Amazon. The screen, its cross-field rules and the connection check come with the
 * Amazon settings issue; the product-data clients and the relay already read these values.
 */
export const amazonSection = defineSection({
  id: 'amazon',
  title: 'Amazon',
  fields: {
    mode: defineField({
      label: 'Amazon API Mode',
      input: 'select',
      schema: z.enum(AMAZON_API_MODES, { error: 'Choose Auto, Creators, PA-API or PassiveWP.' }),
      default: 'auto' as const,
      configVariable: 'PASSIVEWP_AMAZON_API_MODE',
      options: [
        { value: 'auto', label: 'Auto' },
        { value: 'creators', label: 'Creators' },
        { value: 'paapi', label: 'PA-API (retired by Amazon on 2026-05-15)' },
        { value: 'passivewp', label: 'PassiveWP relay' },
      ],
    }),
    creatorsCredentialId: defineField({
      label: 'Creators Credential ID',
      input: 'text',
      schema: z.string().trim().max(200),
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_CREATORS_CREDENTIAL_ID',
    }),
    creatorsCredentialSecret: defineField({
      label: 'Creators Credential Secret',
      input: 'secret',
      secret: true,
      schema: z.string().trim().min(1).max(500),
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_CREATORS_CREDENTIAL_SECRET',
    }),
    creatorsCredentialVersion: defineField({
      label: 'Credential Version',
      input: 'select',
      schema: credentialVersion,
      default: '' as const,
      configVariable: 'PASSIVEWP_AMAZON_CREATORS_CREDENTIAL_VERSION',
    }),
    paapiAccessKey: defineField({
      label: 'Access Key',
      input: 'text',
      schema: z.string().trim().max(128),
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_PAAPI_ACCESS_KEY',
    }),
    paapiSecretKey: defineField({
      label: 'Secret Key',
      input: 'secret',
      secret: true,
      schema: z.string().trim().min(1).max(256),
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_PAAPI_SECRET_KEY',
    }),
    relayUrl: defineField({
      label: 'Relay URL',
      input: 'url',
      schema: endpointUrl('https://relay.example.com', { optional: true }),
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_RELAY_URL',
    }),
    relayToken: defineField({
      label: 'Relay Token',
      input: 'secret',
      secret: true,
      schema: z.string().trim().min(20, { error: 'A relay token is at least 20 characters.' }).max(200),
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_RELAY_TOKEN',
      boundTo: 'relayUrl',
    }),
    defaultCountry: defineField({
      label: 'Default Country',
      input: 'select',
      schema: marketplaceCode,
      default: 'us',
      configVariable: 'PASSIVEWP_AMAZON_DEFAULT_COUNTRY',
    }),
    defaultPartnerTag: defineField({
      label: 'Default Partner Tag',
      input: 'text',
      schema: partnerTag,
      default: '',
      configVariable: 'PASSIVEWP_AMAZON_DEFAULT_PARTNER_TAG',
    }),
    marketplaces: defineField({
      label: 'Marketplaces',
      input: 'text',
      schema: z.array(marketplaceRowSchema).max(MARKETPLACES.length, { error: 'There are only 22 marketplaces.' }),
      default: [] as MarketplaceRow[],
      rowSecrets: { rowKey: 'country', paths: ['credentials.creatorsCredentialSecret', 'credentials.paapiSecretKey'] },
    }),
  },
  check: checkAmazonSettings,
  warn: warnAboutAmazonSettings,
});
