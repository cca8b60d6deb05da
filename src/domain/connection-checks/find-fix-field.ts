import type { ProductSourceName } from '../products/product.js';
import type { AmazonApiMode } from '../settings/sections/amazon.js';
import type { CauseCode } from './cause-codes.js';
import type { CheckTarget } from './list-check-targets.js';

/** Which kind of field fixes a cause; the source and the row turn it into a settings path. */
type FixTarget = 'tag' | 'credentialId' | 'secret' | 'version' | 'mode' | 'relayUrl' | 'relayToken';

/** The one table from cause to the field its fix link focuses; causes without a field need no settings change. */
const FIX_TARGETS: Partial<Record<CauseCode, FixTarget>> = {
  partner_tag_missing: 'tag',
  partner_tag_invalid: 'tag',
  tag_suffix_unusual: 'tag',
  credentials_missing: 'credentialId',
  associate_invalid: 'credentialId',
  credentials_invalid: 'secret',
  credential_region_mismatch: 'version',
  endpoint_retired: 'mode',
  relay_unreachable: 'relayUrl',
  relay_unauthorized: 'relayToken',
  relay_invalid_answer: 'relayUrl',
};

const FIELDS: Record<ProductSourceName, Partial<Record<'credentialId' | 'secret' | 'version', string>>> = {
  creators: { credentialId: 'creatorsCredentialId', secret: 'creatorsCredentialSecret', version: 'creatorsCredentialVersion' },
  paapi: { credentialId: 'paapiAccessKey', secret: 'paapiSecretKey' },
  relay: { credentialId: 'relayUrl', secret: 'relayToken' },
};

/** The source a mode needs credentials for, when no source could be built at all. */
const SOURCE_OF_MODE: Record<AmazonApiMode, ProductSourceName> = { auto: 'creators', creators: 'creators', paapi: 'paapi', passivewp: 'relay' };

export interface FixContext {
  cause: CauseCode;
  source: ProductSourceName | null;
  mode: AmazonApiMode;
  target: CheckTarget;
  /** Amazon's own code: `invalid_scope` means the version, not the secret, is wrong. */
  vendorCode?: string | undefined;
}

/** The settings field path to focus for a row's fix: `creatorsCredentialSecret`, `marketplaces.3.partnerTag` … */
export function findFixField({ cause, source, mode, target, vendorCode }: FixContext): string | null {
  let kind = FIX_TARGETS[cause];
  if (!kind) return null;
  if (kind === 'secret' && vendorCode === 'invalid_scope') kind = 'version';
  const row = target.rowIndex === null ? null : `marketplaces.${target.rowIndex}`;
  switch (kind) {
    case 'tag':
      return target.partnerTagFrom === 'default' || !row ? 'defaultPartnerTag' : `${row}.partnerTag`;
    case 'mode':
    case 'relayUrl':
    case 'relayToken':
      return kind;
    default: {
      const effective = source ?? SOURCE_OF_MODE[mode];
      const field = FIELDS[effective][kind];
      if (!field) return null;
      const fromRow = row && effective !== 'relay' && target.ownCredentials[effective];
      return fromRow ? `${row}.credentials.${field}` : field;
    }
  }
}
