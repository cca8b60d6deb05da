import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { openAiSection } from '../settings/sections/openai.js';
import type { SectionValues } from '../settings/define-section.js';
import type { OpenAiConnection } from './openai-gateway.js';

export type OpenAiValues = SectionValues<(typeof openAiSection)['fields']>;

export interface OpenAiSettings {
  values: OpenAiValues;
  connection: OpenAiConnection;
}

/** The saved OpenAI settings (configuration wins), secrets opened: for the engine's own calls only. */
export async function readOpenAiSettings(ctx: EngineContext): Promise<OpenAiSettings> {
  const values = await readSectionValues(ctx, openAiSection);
  return {
    values,
    connection: { apiKey: values.apiKey, baseUrl: values.baseUrl, organization: values.organization, project: values.project },
  };
}
