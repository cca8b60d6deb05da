import { fingerprintSettings } from '../connection-checks/fingerprint-settings.js';
import type { OpenAiValues } from './read-openai-settings.js';

/** The values an OpenAI check result depends on; limits and prices do not make it stale. */
export const fingerprintOpenAiSettings = (values: OpenAiValues): string =>
  fingerprintSettings({ apiKey: values.apiKey, baseUrl: values.baseUrl, organization: values.organization, project: values.project, model: values.model }, ['apiKey']);
