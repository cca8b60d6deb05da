import type { WebServiceCredentials } from '../../domain/geo/geo-gateway.js';

/** MaxMind authenticates both the web service and downloads with HTTP Basic: account ID and license key. */
export function maxmindHeaders({ accountId, licenseKey }: WebServiceCredentials, accept: string): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`${accountId}:${licenseKey}`).toString('base64')}`,
    accept,
    'user-agent': 'PassiveWP',
  };
}
