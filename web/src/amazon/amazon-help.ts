import type { AmazonApiMode } from '../../../src/domain/settings/sections/amazon.js';
import type { ScalarKey, SecretKey } from './amazon-draft.js';

/** One line of help under each field, where the shared section declaration has none. */
export const AMAZON_FIELD_HELP: Partial<Record<ScalarKey | SecretKey, string>> = {
  creatorsCredentialId: 'Found in Associates Central → Tools → Creators API, next to the credential’s name.',
  creatorsCredentialSecret: 'Amazon shows it only once, when the credential is created. PassiveWP stores it encrypted and shows only its last 4 characters.',
  creatorsCredentialVersion:
    'Pre-selected when you enter the Credential ID: IDs starting with amzn1.application-oa2-client. are 3.x, IDs of 26 letters and digits are 2.x; the Default Country picks the region.',
  paapiAccessKey: 'The access key of a Product Advertising API 5.0 account.',
  paapiSecretKey: 'Stored encrypted; only its last 4 characters are shown.',
  relayUrl: 'The address of another PassiveWP engine that has Amazon API access and lends it to this one.',
  relayToken: 'Created on that engine with “passivewp relay token create”.',
  defaultCountry: 'The marketplace used when a link names none. The connection check always includes it.',
  defaultPartnerTag: 'Used by every marketplace row whose own partner tag is left empty.',
};

export interface ModeChoice {
  value: AmazonApiMode;
  label: string;
  help: string;
  badge?: string;
}

/** The modes with a sentence each, in the order Auto tries the sources. */
export const MODE_CHOICES: readonly ModeChoice[] = [
  { value: 'auto', label: 'Auto', help: 'Tries Creators, then PA-API, then the PassiveWP relay, and uses the first that answers for each marketplace.' },
  { value: 'creators', label: 'Creators', help: 'Amazon’s current product API, with a Creators Credential ID, Secret and Version.' },
  { value: 'paapi', label: 'PA-API', help: 'The older Product Advertising API 5.0, with an Access Key and Secret Key.', badge: 'Retired by Amazon on 2026-05-15' },
  { value: 'passivewp', label: 'PassiveWP', help: 'Product data comes from another PassiveWP engine through its relay; your links still carry your own partner tags.' },
];

/** Which credential blocks each mode reads. */
export const MODES_USING: Record<'creators' | 'paapi' | 'relay', readonly AmazonApiMode[]> = {
  creators: ['auto', 'creators'],
  paapi: ['auto', 'paapi'],
  relay: ['auto', 'passivewp'],
};
