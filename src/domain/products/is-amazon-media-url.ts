/** The hosts Amazon serves product images from, in the Creators API and PA-API 5.0 answers alike. */
const MEDIA_HOSTS: ReadonlySet<string> = new Set([
  'm.media-amazon.com',
  'images-na.ssl-images-amazon.com',
  'images-eu.ssl-images-amazon.com',
  'images-fe.ssl-images-amazon.com',
]);

/** Whether an image address may be hot-linked on a page: https on one of Amazon's media hosts, nothing else. */
export function isAmazonMediaUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && MEDIA_HOSTS.has(url.hostname) && !url.username && !url.password && !url.port;
}
