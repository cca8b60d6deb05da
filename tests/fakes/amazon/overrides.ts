import type { FakeAmazonScenario, FakeFault, ScenarioOverride, Surface } from './scenario.js';

/** What is known about a request when its overrides are looked up. */
export interface OverrideContext {
  surface: Surface;
  credential?: string;
  marketplace?: string;
  partnerTag?: string;
}

export interface ResolvedOverrides {
  faults: ReadonlySet<FakeFault>;
  latencyMs: number;
  tokenExpiresIn: number;
}

/** Faults the token endpoint acts on unless an override names the token surface explicitly. */
const TOKEN_FAULTS_BY_DEFAULT: ReadonlySet<FakeFault> = new Set(['invalid_client']);

/** Merges every override that matches: faults add up, the longest latency wins, the last token lifetime wins. */
export function resolveOverrides(scenario: FakeAmazonScenario, context: OverrideContext): ResolvedOverrides {
  const faults = new Set<FakeFault>();
  let latencyMs = scenario.latencyMs;
  let tokenExpiresIn = scenario.tokenExpiresIn;
  for (const override of scenario.overrides) {
    if (!matches(override, context)) continue;
    if (override.fault && appliesTo(override, override.fault, context.surface)) faults.add(override.fault);
    if (override.latencyMs !== undefined) latencyMs = Math.max(latencyMs, override.latencyMs);
    if (override.tokenExpiresIn !== undefined) tokenExpiresIn = override.tokenExpiresIn;
  }
  return { faults, latencyMs, tokenExpiresIn };
}

function matches(override: ScenarioOverride, context: OverrideContext): boolean {
  if (override.surface !== undefined && override.surface !== context.surface) return false;
  if (override.credential !== undefined && override.credential !== context.credential) return false;
  if (override.marketplace !== undefined && override.marketplace !== context.marketplace) return false;
  if (override.partnerTag !== undefined && override.partnerTag !== context.partnerTag) return false;
  return true;
}

function appliesTo(override: ScenarioOverride, fault: FakeFault, surface: Surface): boolean {
  if (surface !== 'token') return true;
  return override.surface === 'token' || TOKEN_FAULTS_BY_DEFAULT.has(fault);
}
