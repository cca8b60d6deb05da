/**
 * Geolocation lookups: what our locator costs per visitor next to the decoder it wraps, measured
 * in the same run on GeoLite2-City-Test.mmdb.
 *   (a) raw: the `maxmind` package's Reader.get, no cache;
 *   (b) cold: our locator, every address new (misses the cache, evicts once it is full);
 *   (c) cached: our locator, a few hundred repeated visitors.
 * Every address lies inside a network of MaxMind's JSON source data, so both sides decode real records.
 *
 *   npm run bench -- geo            (about 15 s)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Reader, type CityResponse } from 'maxmind';
import { createOutboundHttp } from '../src/integrations/http/create-outbound-http.js';
import { createGeoGateway } from '../src/integrations/maxmind/create-geo-gateway.js';
import { seededRandom } from '../src/integrations/maxmind/seeded-random.js';
import { addressToBits, bitsToAddress } from '../tests/fakes/maxmind/address-bits.js';

const DATABASE = 'tests/fixtures/maxmind/GeoLite2-City-Test.mmdb';
const SOURCE_DATA = 'tests/fixtures/maxmind/GeoLite2-City-Test.json';
const ROUNDS = 5;
const COLD_PER_ROUND = 50_000;
const WARM_UP = 20_000;
const REPEATED_VISITORS = 300;
const CACHED_PER_ROUND = 300_000;

const random = seededRandom(42);

/** A random address inside `cidr` (IPv4 or IPv6). */
function addressIn(cidr: string): string {
  const [network = '', prefix = ''] = cidr.split('/');
  const { value, bits } = addressToBits(network);
  const hostBits = bits - Number(prefix);
  let host = 0n;
  for (let i = 0; i < hostBits; i++) host = (host << 1n) | (random() < 0.5 ? 1n : 0n);
  return bitsToAddress({ value: ((value >> BigInt(hostBits)) << BigInt(hostBits)) | host, bits });
}

const db = readFileSync(DATABASE);
const raw = new Reader<CityResponse>(db);
const networks = (JSON.parse(readFileSync(SOURCE_DATA, 'utf8')) as Array<Record<string, unknown>>).flatMap((entry) => Object.keys(entry));

/** `count` distinct addresses that are in the data, drawn from every network in turn. */
function distinctAddresses(count: number, avoid: Set<string> = new Set()): string[] {
  const found = new Set<string>();
  for (let i = 0; found.size < count; i++) {
    const ip = addressIn(networks[i % networks.length]!);
    if (!avoid.has(ip) && raw.get(ip) !== null) found.add(ip);
  }
  return [...found];
}

const all = distinctAddresses(WARM_UP + ROUNDS * COLD_PER_ROUND);
const warmUp = all.slice(0, WARM_UP);
const coldRounds = Array.from({ length: ROUNDS }, (_, r) => all.slice(WARM_UP + r * COLD_PER_ROUND, WARM_UP + (r + 1) * COLD_PER_ROUND));
const visitors = distinctAddresses(REPEATED_VISITORS, new Set(all));

const opened = await createGeoGateway({ folder: path.dirname(DATABASE), http: createOutboundHttp({ allowPrivate: [] }), downloadUrl: 'https://download.maxmind.com', webServiceHost: 'geoip.maxmind.com' }).openDatabase(path.basename(DATABASE));
if (!opened.ok) throw new Error(`${DATABASE}: ${opened.error.detail}`);
const locator = opened.value;

/** Keeps the results alive so no lookup can be optimised away. */
let sink = 0;
function timeNsPerLookup(addresses: readonly string[], repeat: number, lookup: (ip: string) => void): number {
  const started = process.hrtime.bigint();
  for (let r = 0; r < repeat; r++) for (const ip of addresses) lookup(ip);
  return Number(process.hrtime.bigint() - started) / (addresses.length * repeat);
}
const rawLookup = (ip: string) => {
  sink += raw.get(ip)?.country?.iso_code?.length ?? 0;
};
const locatorLookup = (ip: string) => {
  sink += locator.lookup(ip, 'city').countryCode?.length ?? 0;
};

// Warm-up: both code paths compiled; the warm-up addresses never come back.
timeNsPerLookup(warmUp, 1, rawLookup);
timeNsPerLookup(warmUp, 1, locatorLookup);
timeNsPerLookup(visitors, 100, locatorLookup);

const rounds = { raw: [] as number[], cold: [] as number[], cached: [] as number[] };
const cachedRepeat = Math.ceil(CACHED_PER_ROUND / visitors.length);
coldRounds.forEach((addresses, round) => {
  // Alternating which side goes first cancels drift (other processes, heap growth) between the two.
  const sides = [() => rounds.raw.push(timeNsPerLookup(addresses, 1, rawLookup)), () => rounds.cold.push(timeNsPerLookup(addresses, 1, locatorLookup))];
  for (const side of round % 2 ? sides.reverse() : sides) side();
  rounds.cached.push(timeNsPerLookup(visitors, cachedRepeat, locatorLookup));
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const rawNs = median(rounds.raw);
const coldNs = median(rounds.cold);
const cachedNs = median(rounds.cached);

const row = (label: string, ns: number, lookups: number) =>
  console.log(`${label.padEnd(44)}${ns.toFixed(0).padStart(10)}${(ns / rawNs).toFixed(3).padStart(10)}${lookups.toLocaleString('en').padStart(14)}`);
console.log(`geo lookups on ${DATABASE}: ${networks.length} source networks, ${all.length.toLocaleString('en')} distinct addresses, median of ${ROUNDS} rounds`);
console.log(`${''.padEnd(44)}${'ns/lookup'.padStart(10)}${'vs raw'.padStart(10)}${'lookups'.padStart(14)}`);
row('(a) raw decoder: maxmind Reader.get', rawNs, ROUNDS * COLD_PER_ROUND);
row('(b) locator, new visitors (cold)', coldNs, ROUNDS * COLD_PER_ROUND);
row(`(c) locator, ${REPEATED_VISITORS} repeated visitors (cached)`, cachedNs, ROUNDS * cachedRepeat * visitors.length);
console.log(`rounds (ns): raw ${rounds.raw.map((n) => n.toFixed(0)).join(' ')} | cold ${rounds.cold.map((n) => n.toFixed(0)).join(' ')} | cached ${rounds.cached.map((n) => n.toFixed(0)).join(' ')}   (checksum ${sink})`);
console.log(`RESULT geo_cached_ns ${cachedNs.toFixed(0)}`);
console.log(`RESULT geo_cold_vs_raw ${(coldNs / rawNs).toFixed(3)}`);
