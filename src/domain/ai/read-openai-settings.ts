import type { EngineContext } from '../context.js';
import { readSectionState } from '../settings/read-section-state.js';
import { openAiSection } from '../settings/sections/openai.js';
import type { SectionValues } from '../settings/define-section.js';
import type { OpenAiConnection } from './openai-gateway.js';

export type OpenAiValues = SectionValues<(typeof openAiSection)['fields']>;

export interface OpenAiSettings {
  values: OpenAiValues;
  connection: OpenAiConnection;
  /** A key is saved, but for another Base URL than the one set now: it is not used (values.apiKey is ''). */
  keyWithheld: boolean;
}

/** The saved OpenAI settings (configuration wins), secrets opened: for the engine's own calls only. */
export async function readOpenAiSettings(ctx: EngineContext): Promise<OpenAiSettings> {
  const { values, bindings } = await readSectionState(ctx, openAiSection);
  const binding = bindings.get('apiKey');
  return {
    values,
    connection: { apiKey: values.apiKey, baseUrl: values.baseUrl, organization: values.organization, project: values.project, keyBoundTo: binding?.boundTo ?? '' },
    keyWithheld: binding !== undefined && !binding.current,
  };
}
