import { isIP } from 'node:net';
import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { GEOLOCATION_CAUSES } from '../connection-checks/geolocation-causes.js';
import type { CheckFinding } from '../connection-checks/integration-check.js';
import { makeFinding } from '../connection-checks/make-finding.js';
import { chooseVisitorMarketplace, type VisitorMarketplace } from './choose-visitor-marketplace.js';
import { geoFixField } from './geo-fix-field.js';
import { locateIp } from './locate-ip.js';
import { readGeoSettings } from './read-geo-settings.js';
import { readVisitorRouting } from './read-visitor-routing.js';

export interface GeoLookupView extends VisitorMarketplace {
  ip: string;
  source: 'database' | 'web_service';
  countryCode: string | null;
  countryName: string | null;
  city: string | null;
  subdivision: string | null;
  /** Why the lookup failed; the visitor then goes to the Default Country's store. */
  problem: CheckFinding | null;
  latencyMs: number;
}

/** "Test lookup": where an address is, and which Amazon store its visitors would be sent to. */
export async function lookUpVisitor(ctx: EngineContext, input: { ip: unknown }): Promise<GeoLookupView> {
  const ip = typeof input.ip === 'string' ? input.ip.trim() : '';
  if (!isIP(ip)) {
    throw new AppError('validation_failed', 'Enter an IPv4 or IPv6 address.', { fields: [{ field: 'ip', message: 'Enter an IPv4 address like 81.2.69.142 or an IPv6 address like 2001:db8::1.' }] });
  }
  const started = performance.now();
  const settings = await readGeoSettings(ctx);
  const [located, routing] = await Promise.all([locateIp(ctx, settings, ip), readVisitorRouting(ctx, settings.values)]);
  const latencyMs = Math.round(performance.now() - started);
  const location = located.ok ? located.value : null;
  const problem = located.ok ? null : makeFinding(GEOLOCATION_CAUSES, located.error.cause, { detail: located.error.detail, fixField: geoFixField(located.error.cause, settings.values.source) });
  return {
    ip,
    source: settings.values.source,
    countryCode: location?.countryCode ?? null,
    countryName: location?.countryName ?? null,
    city: location?.city ?? null,
    subdivision: location?.subdivision ?? null,
    ...chooseVisitorMarketplace(location?.countryCode ?? null, routing),
    problem,
    latencyMs,
  };
}
