import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';

export interface LinkTags {
  defaultCountry: string;
  /** Marketplaces a visitor may be sent to, with their tag: enabled rows with their own tag, and the Default Country with the Default Partner Tag. */
  qualifying: ReadonlyMap<string, string>;
  /** The tag of any marketplace by the partner-tag rule (row tag, else Default Partner Tag); null when neither is set. */
  tagFor(marketplace: string): string | null;
}

/** The partner tags links are built with, from Settings → Amazon. */
export async function readLinkTags(ctx: EngineContext): Promise<LinkTags> {
  const amazon = await readSectionValues(ctx, amazonSection);
  const qualifying = new Map<string, string>();
  for (const row of amazon.marketplaces) if (row.enabled && row.partnerTag) qualifying.set(row.country, row.partnerTag);
  if (amazon.defaultPartnerTag && !qualifying.has(amazon.defaultCountry)) {
    const own = amazon.marketplaces.find((row) => row.country === amazon.defaultCountry)?.partnerTag;
    qualifying.set(amazon.defaultCountry, own || amazon.defaultPartnerTag);
  }
  return {
    defaultCountry: amazon.defaultCountry,
    qualifying,
    tagFor: (code) => amazon.marketplaces.find((row) => row.country === code)?.partnerTag || amazon.defaultPartnerTag || null,
  };
}
