import { err, ok, type Result } from '../../shared/result.js';
import type { EngineContext } from '../context.js';
import type { Marketplace } from '../marketplaces/catalogue.js';
import { readSectionState } from '../settings/read-section-state.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { inferCredentialVersion } from './infer-credential-version.js';
import type { ProductSource } from './product-source.js';
import { sourceError, type SourceError } from './source-error.js';

export interface ResolvedSources {
  /** In the order to try them: creators → paapi → relay in Auto mode. */
  sources: ProductSource[];
  partnerTag: string;
}

/**
 * Which sources serve a marketplace under the saved Amazon settings, and with which partner tag.
 * A relay engine answering others passes `forRelay`, so it never relays onwards.
 */
export async function resolveProductSources(
  ctx: EngineContext,
  marketplace: Marketplace,
  options: { forRelay?: boolean } = {},
): Promise<Result<ResolvedSources, SourceError>> {
  const { values: s, bindings } = await readSectionState(ctx, amazonSection);
  const row = s.marketplaces.find((r) => r.country === marketplace.code);
  const partnerTag = row?.partnerTag || s.defaultPartnerTag;
  if (!partnerTag) return err(sourceError('partner_tag_missing', { message: `No partner tag is set for ${marketplace.name} and there is no Default Partner Tag.` }));

  // A marketplace row's own credentials replace the global ones for that marketplace only.
  const own = row?.credentials;
  const creators = own?.creatorsCredentialId
    ? { id: own.creatorsCredentialId, secret: own.creatorsCredentialSecret ?? '', version: own.creatorsCredentialVersion ?? '' }
    : { id: s.creatorsCredentialId, secret: s.creatorsCredentialSecret, version: s.creatorsCredentialVersion };
  const paapi = own?.paapiAccessKey ? { accessKey: own.paapiAccessKey, secretKey: own.paapiSecretKey ?? '' } : { accessKey: s.paapiAccessKey, secretKey: s.paapiSecretKey };

  const wants = (mode: typeof s.mode) => s.mode === mode || s.mode === 'auto';
  const sources: ProductSource[] = [];
  if (wants('creators') && creators.id && creators.secret) {
    const version = creators.version || inferCredentialVersion(creators.id, marketplace);
    if (version) sources.push(ctx.productSources.creators({ id: creators.id, secret: creators.secret, version }));
  }
  if (wants('paapi') && paapi.accessKey && paapi.secretKey) sources.push(ctx.productSources.paapi(paapi));
  const relayToken = bindings.get('relayToken');
  if (wants('passivewp') && !options.forRelay && s.relayUrl && s.relayToken && relayToken) {
    sources.push(ctx.productSources.relay({ url: s.relayUrl, token: s.relayToken, tokenBoundTo: relayToken.boundTo }));
  }
  if (!sources.length) {
    // A token saved for another Relay URL is withheld (see readSectionState): say so rather than "not set".
    const withheld = wants('passivewp') && relayToken && !relayToken.current ? ' The Relay Token was saved for another Relay URL; enter it again together with the Relay URL.' : '';
    return err(sourceError('credentials_missing', { message: `Amazon API Mode is "${s.mode}", but the credentials it needs for ${marketplace.name} are not all set.${withheld}` }));
  }
  return ok({ sources, partnerTag });
}
