import type { LinkTags } from './read-link-tags.js';

export interface LinkMarketplace {
  marketplace: string;
  tag: string | null;
  /** True when the visitor's store replaced the block's own. */
  localized: boolean;
}

/**
 * Where a block's links go: the visitor's store when it qualifies (it has a partner tag of its
 * own, or is the Default Country with the Default Partner Tag), else the block's own marketplace
 * — never a store without a tag. Pure.
 */
export function chooseLinkMarketplace(blockMarketplace: string, visitorMarketplace: string | null, tags: Pick<LinkTags, 'qualifying' | 'tagFor'>): LinkMarketplace {
  if (visitorMarketplace && visitorMarketplace !== blockMarketplace) {
    const tag = tags.qualifying.get(visitorMarketplace);
    if (tag) return { marketplace: visitorMarketplace, tag, localized: true };
  }
  return { marketplace: blockMarketplace, tag: tags.tagFor(blockMarketplace), localized: false };
}
