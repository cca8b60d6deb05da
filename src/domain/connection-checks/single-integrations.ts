import type { EngineContext } from '../context.js';
import { fingerprintOpenAiSettings } from '../ai/fingerprint-openai-settings.js';
import { readOpenAiSettings } from '../ai/read-openai-settings.js';
import { fingerprintGeoSettings } from '../geo/fingerprint-geo-settings.js';
import { readGeoSettings } from '../geo/read-geo-settings.js';
import type { IntegrationCheck, IntegrationId } from './integration-check.js';
import { runGeolocationCheck } from './run-geolocation-check.js';
import { runOpenAiCheck } from './run-openai-check.js';

export interface SingleIntegration {
  id: IntegrationId;
  label: string;
  settingsRoute: string;
  run(ctx: EngineContext, input: { actor: string }): Promise<IntegrationCheck>;
  /** What the saved settings look like now: whether there is anything to check, and their fingerprint. */
  describeSettings(ctx: EngineContext): Promise<{ configured: boolean; fingerprint: string }>;
}

/** The integrations checked with one request each (Amazon is checked per marketplace, elsewhere). */
export const SINGLE_INTEGRATIONS: Readonly<Record<IntegrationId, SingleIntegration>> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    settingsRoute: '/settings/openai',
    run: runOpenAiCheck,
    async describeSettings(ctx) {
      const { values, keyWithheld } = await readOpenAiSettings(ctx);
      return { configured: values.apiKey !== '' || keyWithheld, fingerprint: fingerprintOpenAiSettings(values) };
    },
  },
  geolocation: {
    id: 'geolocation',
    label: 'Geolocation',
    settingsRoute: '/settings/geolocation',
    run: runGeolocationCheck,
    async describeSettings(ctx) {
      const settings = await readGeoSettings(ctx);
      const { values } = settings;
      const configured = values.source === 'web_service' || values.databasePath !== '' || values.autoUpdate === 'weekly';
      return { configured, fingerprint: fingerprintGeoSettings(settings) };
    },
  },
};

export const isIntegrationId = (value: string): value is IntegrationId => Object.hasOwn(SINGLE_INTEGRATIONS, value);
