import type { OpenAiCause } from '../connection-checks/openai-causes.js';

const FIELDS: Partial<Record<OpenAiCause, string>> = {
  key_missing: 'apiKey',
  key_invalid: 'apiKey',
  key_not_bound: 'apiKey',
  organization_mismatch: 'organization',
  model_unavailable: 'model',
  region_unsupported: 'baseUrl',
  network_error: 'baseUrl',
  base_url_wrong: 'baseUrl',
};

/** The Settings → OpenAI field whose change fixes a cause, for the fix link. */
export const openAiFixField = (cause: OpenAiCause): string | null => FIELDS[cause] ?? null;
