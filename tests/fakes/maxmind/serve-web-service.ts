import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { CityResponse, Reader } from 'maxmind';
import { webServiceError, type FakeAnswer } from './fake-answer.js';
import type { FakeMaxMindState } from './fake-maxmind-state.js';
import { networkOf } from './network-of.js';
import { readBasicAuth } from './read-basic-auth.js';

const COUNTRY_FIELDS = ['continent', 'country', 'registered_country', 'represented_country'] as const;
const CITY_FIELDS = [...COUNTRY_FIELDS, 'city', 'location', 'postal', 'subdivisions'] as const;
const STARTING_QUERIES = 10_000;

/** Private, loopback, link-local and documentation ranges: MaxMind answers IP_ADDRESS_RESERVED. */
const RESERVED = new BlockList();
for (const [network, prefix] of [['10.0.0.0', 8], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['192.0.2.0', 24], ['0.0.0.0', 8]] as const) RESERVED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10], ['2001:db8::', 32]] as const) RESERVED.addSubnet(network, prefix, 'ipv6');

/**
 * GeoIP2 Precision `GET /geoip/v2.1/{country|city}/{ip}`: MaxMind's JSON answer built from
 * GeoLite2-City-Test.mmdb, and its documented errors.
 */
export function serveWebService(request: IncomingMessage, service: 'country' | 'city', rawIp: string, state: FakeMaxMindState, cityData: Reader<CityResponse>): FakeAnswer {
  const auth = readBasicAuth(request, state.accounts);
  if (auth.kind === 'missing') return webServiceError(401, 'ACCOUNT_ID_REQUIRED', 'You have not supplied a MaxMind account ID in the Authorization header.');
  if (auth.kind === 'missing_key') return webServiceError(401, 'LICENSE_KEY_REQUIRED', 'You have not supplied a MaxMind license key in the Authorization header.');
  if (auth.kind === 'unknown_account') return webServiceError(401, 'ACCOUNT_ID_UNKNOWN', 'We could not find the account ID you supplied.');
  if (auth.kind === 'wrong_key') return webServiceError(401, 'AUTHORIZATION_INVALID', 'You have supplied an invalid MaxMind account ID and/or license key in the Authorization header.');
  const { account } = auth;
  if (account.webService === 'insufficient_funds') return webServiceError(402, 'INSUFFICIENT_FUNDS', 'The license key you have provided does not have sufficient funds to use this service.');
  if (account.webService === 'permission_required') return webServiceError(403, 'PERMISSION_REQUIRED', 'You do not have permission to use the service.');

  const ip = decodeURIComponent(rawIp);
  const version = isIP(ip);
  if (version === 0) return webServiceError(400, 'IP_ADDRESS_INVALID', `The value "${ip}" is not a valid IP address.`);
  if (RESERVED.check(ip, version === 4 ? 'ipv4' : 'ipv6')) return webServiceError(404, 'IP_ADDRESS_RESERVED', `The value ${ip} belongs to a reserved or private range.`);
  const [record, prefixLength] = cityData.getWithPrefixLength(ip);
  if (!record) return webServiceError(404, 'IP_ADDRESS_NOT_FOUND', `The value ${ip} is not in the database.`);

  const remaining = (state.queriesRemaining.get(account.accountId) ?? STARTING_QUERIES) - 1;
  state.queriesRemaining.set(account.accountId, remaining);
  const body: Record<string, unknown> = {};
  for (const field of service === 'city' ? CITY_FIELDS : COUNTRY_FIELDS) if (record[field] !== undefined) body[field] = record[field];
  body.traits = { ...record.traits, ip_address: ip, network: networkOf(ip, prefixLength) };
  body.maxmind = { queries_remaining: remaining };
  return { status: 200, headers: { 'content-type': `application/vnd.maxmind.com-${service}+json; charset=UTF-8; version=2.1` }, body: JSON.stringify(body) };
}
