import type { CauseDefinition } from './cause-codes.js';

/** Stable cause codes of the OpenAI check and of every later AI call. Never rename one: help sections link to them. */
export const OPENAI_CAUSES = {
  ok: { severity: 'ok', retryable: false, message: 'OpenAI accepted the key and answered with the chosen model.', fix: 'Nothing to do.' },
  key_missing: { severity: 'error', retryable: false, message: 'No OpenAI API key is set.', fix: 'Create a key at platform.openai.com → API keys and enter it as OpenAI API Key (or set PASSIVEWP_OPENAI_API_KEY).' },
  key_not_bound: { severity: 'error', retryable: false, message: 'The API key was saved for another Base URL, so PassiveWP does not send it to this one.', fix: 'Enter the API key again in the same save as the Base URL it belongs to.' },
  key_invalid: { severity: 'error', retryable: false, message: 'The service rejected the API key.', fix: 'Copy the key again (it is shown only once when created) or create a new one, then save and check again.' },
  organization_mismatch: { severity: 'error', retryable: false, message: 'The organization or project does not belong to this key.', fix: 'Clear Organization and Project, or enter the IDs shown next to this key in the OpenAI dashboard.' },
  model_unavailable: { severity: 'error', retryable: false, message: 'The key has no access to the chosen model.', fix: 'Choose a model from the list of models this key can use, or allow the model for the key’s project in the OpenAI dashboard.' },
  quota_exhausted: { severity: 'error', retryable: false, message: 'The account has no credit or reached its billing limit.', fix: 'Add credit or raise the budget under Billing in the OpenAI dashboard; the check works again within minutes.' },
  region_unsupported: { severity: 'error', retryable: false, message: 'The service does not accept requests from the server’s country or region.', fix: 'Run the engine in a supported region, or use an OpenAI-compatible endpoint available there as Base URL.' },
  rate_limited: { severity: 'warning', retryable: true, message: 'The key works, but the service is limiting its request rate right now.', fix: 'Wait a minute and check again; if it persists, raise the project’s rate limits or use AI features less often.' },
  service_unavailable: { severity: 'error', retryable: true, message: 'The service had a problem answering.', fix: 'Try again later; nothing is wrong with your settings.' },
  timeout: { severity: 'error', retryable: true, message: 'The service did not answer in time.', fix: 'Try again later; if it keeps happening, check the server’s network or the Base URL.' },
  network_error: { severity: 'error', retryable: true, message: 'The engine could not reach the service at the Base URL.', fix: 'Check the Base URL, the server’s internet connection, DNS and any firewall or proxy.' },
  base_url_wrong: { severity: 'error', retryable: false, message: 'The Base URL does not lead to an OpenAI-compatible API.', fix: 'Use https://api.openai.com/v1, or the address your provider documents for its OpenAI-compatible API (it usually ends in /v1).' },
  unexpected_response: { severity: 'error', retryable: true, message: 'The service answered something this version of PassiveWP does not understand.', fix: 'Try again later; if it persists, report it with the engine log.' },
  budget_exhausted: { severity: 'warning', retryable: false, message: 'This month’s usage limit set in PassiveWP is reached; AI features pause until the next month.', fix: 'Raise the Monthly token limit or Monthly spending limit, or wait for the next month.' },
} as const satisfies Record<string, CauseDefinition>;

export type OpenAiCause = keyof typeof OPENAI_CAUSES;
