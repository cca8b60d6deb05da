import { isIP } from 'node:net';
import { City, Country } from '@maxmind/geoip2-node';
import { z } from 'zod';
import type { GeoFailure, GeoLocation, GeoPrecision, WebServiceCredentials } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { ANSWER_LIMITS } from '../http/answer-limits.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { fetchMaxMindText } from './fetch-maxmind-text.js';
import { unknownLocation } from './unknown-location.js';
import { webServiceFailure } from './web-service-failure.js';

/** MaxMind's error body. */
const errorBody = z.object({ code: z.string(), error: z.string() });
/** Every GeoIP2 answer is an object that names the address it describes; anything else is not one. */
const answerBody = z.looseObject({ traits: z.looseObject({ ip_address: z.string() }) });
/** Answers that mean "nothing known about this address", not a failure. */
const UNKNOWN_ADDRESS = new Set(['IP_ADDRESS_NOT_FOUND', 'IP_ADDRESS_RESERVED']);

/**
 * One address through MaxMind's GeoIP2 Precision web service (Country or City).
 *
 * Our guarded fetch rather than the library's WebServiceClient: that client only speaks HTTPS to a
 * host name, so it cannot reach the loopback fake the tests run against. The answer is still read
 * through the library's City and Country models.
 */
export async function lookupWebService(
  options: { http: OutboundHttp; origin: string; timeoutMs: number },
  credentials: WebServiceCredentials,
  precision: GeoPrecision,
  ip: string,
): Promise<Result<GeoLocation, GeoFailure>> {
  // Every query is paid for: an address MaxMind would refuse with IP_ADDRESS_INVALID is answered here.
  if (isIP(ip) === 0) return ok(unknownLocation(ip));
  const answer = await fetchMaxMindText({
    http: options.http,
    url: `${options.origin}/geoip/v2.1/${precision}/${ip}`,
    credentials,
    accept: 'application/json',
    timeoutMs: options.timeoutMs,
    maxBytes: ANSWER_LIMITS.maxmindWebService,
  });
  if (!answer.ok) return answer;
  const { status, text } = answer.value;
  const json = parseJson(text);
  if (status !== 200) {
    const body = errorBody.safeParse(json);
    if (status === 404 && body.success && UNKNOWN_ADDRESS.has(body.data.code)) return ok(unknownLocation(ip));
    // Only MaxMind's own error body is quoted; a proxy's HTML page would say nothing useful.
    return err(webServiceFailure({ status, code: body.success ? body.data.code : null, message: body.success ? body.data.error : '' }, credentials.licenseKey));
  }
  const parsed = answerBody.safeParse(json);
  if (!parsed.success) return err({ cause: 'unexpected_response', detail: 'the MaxMind web service answered 200 with something that is not a GeoIP2 answer' });
  const model = precision === 'city' ? new City(parsed.data) : new Country(parsed.data);
  const city = model instanceof City ? model : null;
  // As with the database: without a located country, the network's registered country.
  const country = model.country?.isoCode ? model.country : model.registeredCountry;
  return ok({
    ip,
    countryCode: textOrNull(country?.isoCode),
    countryName: textOrNull(country?.names?.en),
    city: textOrNull(city?.city?.names?.en),
    subdivision: textOrNull(city?.subdivisions?.[0]?.names?.en),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The models are typed from MaxMind's documentation, but the body came over the network. */
function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
