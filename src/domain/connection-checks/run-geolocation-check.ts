import type { EngineContext } from '../context.js';
import { databaseAgeDays, OUTDATED_AFTER_DAYS } from '../geo/database-age.js';
import { fingerprintGeoSettings } from '../geo/fingerprint-geo-settings.js';
import { geoFixField } from '../geo/geo-fix-field.js';
import type { GeoFailure } from '../geo/geo-gateway.js';
import { openGeoDatabase } from '../geo/open-geo-database.js';
import { readGeoSettings, type GeoSettings } from '../geo/read-geo-settings.js';
import { GEOLOCATION_CAUSES } from './geolocation-causes.js';
import type { CheckDetails, CheckFinding, IntegrationCheck } from './integration-check.js';
import { makeFinding } from './make-finding.js';
import { recordIntegrationCheck } from './record-integration-check.js';

/** An address in MaxMind's public test data as well as in the real data (London). */
export const PROBE_IP = '81.2.69.142';

const failed = ({ cause, detail }: GeoFailure, source: 'database' | 'web_service' = 'database'): CheckFinding =>
  makeFinding(GEOLOCATION_CAUSES, cause, { detail, fixField: geoFixField(cause, source) });

async function checkDatabase(ctx: EngineContext, settings: GeoSettings, details: CheckDetails): Promise<CheckFinding[]> {
  details.databasePath = settings.databasePath;
  const opened = await openGeoDatabase(ctx, settings);
  if (!opened.ok) return [failed(opened.error)];
  const { info } = opened.value;
  const ageDays = databaseAgeDays(info.buildDate, ctx.clock.now());
  Object.assign(details, { databaseType: info.databaseType, buildDate: info.buildDate, ageDays, ipVersion: info.ipVersion, matchesPrecision: info.precision === 'city' || settings.values.precision === info.precision });
  if (info.precision === 'none') return [failed({ cause: 'database_wrong_type', detail: `${info.databaseType} holds no locations` })];
  const findings = [makeFinding(GEOLOCATION_CAUSES, 'ok')];
  if (settings.values.precision === 'city' && info.precision === 'country') findings.push(failed({ cause: 'precision_mismatch', detail: `${info.databaseType} has no cities` }));
  if (ageDays > OUTDATED_AFTER_DAYS) findings.push(failed({ cause: 'database_outdated', detail: `built ${info.buildDate.slice(0, 10)}, ${ageDays} days ago` }));
  return findings;
}

async function checkWebService(ctx: EngineContext, settings: GeoSettings, details: CheckDetails): Promise<CheckFinding[]> {
  const { accountId, licenseKey, precision } = settings.values;
  if (!accountId || !licenseKey) return [makeFinding(GEOLOCATION_CAUSES, 'credentials_missing', { fixField: accountId ? 'licenseKey' : 'accountId' })];
  const answer = await ctx.geo.lookupWebService({ accountId, licenseKey }, precision, PROBE_IP);
  if (!answer.ok) return [failed(answer.error, 'web_service')];
  Object.assign(details, { probeIp: PROBE_IP, probeCountry: answer.value.countryCode, matchesPrecision: true });
  return [makeFinding(GEOLOCATION_CAUSES, 'ok')];
}

/**
 * "Check Geolocation": opens the database (type, build date, age, precision) or asks the web
 * service about one known address, and stores the result like the other checks.
 */
export async function runGeolocationCheck(ctx: EngineContext, { actor }: { actor: string }): Promise<IntegrationCheck> {
  const startedAt = ctx.clock.now();
  const settings = await readGeoSettings(ctx);
  const details: CheckDetails = { source: settings.values.source, precision: settings.values.precision };
  const findings = settings.values.source === 'web_service' ? await checkWebService(ctx, settings, details) : await checkDatabase(ctx, settings, details);
  return recordIntegrationCheck(ctx, { integration: 'geolocation', actor, startedAt, findings, details, fingerprint: fingerprintGeoSettings(settings) });
}
