/**
 * The relay's links carry the relay owner's tag; ours must earn for us. Only the `tag` parameter
 * changes, everything else Amazon put into the URL (linkCode …) stays.
 */
export function withPartnerTag(detailPageUrl: string, partnerTag: string): string {
  try {
    const url = new URL(detailPageUrl);
    url.searchParams.set('tag', partnerTag);
    return url.toString();
  } catch {
    return detailPageUrl;
  }
}
