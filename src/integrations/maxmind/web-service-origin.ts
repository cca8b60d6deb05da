/** `geoip.maxmind.com` is spoken to over HTTPS; a full origin (`http://127.0.0.1:8791`, a fake) stays as it is. */
export function webServiceOrigin(host: string): string {
  const trimmed = host.replace(/\/+$/, '');
  return /^https?:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
}
