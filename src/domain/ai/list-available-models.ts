import type { EngineContext } from '../context.js';
import type { CheckFinding } from '../connection-checks/integration-check.js';
import { makeFinding } from '../connection-checks/make-finding.js';
import { OPENAI_CAUSES } from '../connection-checks/openai-causes.js';
import { openAiFixField } from './openai-fix-field.js';
import { readOpenAiSettings } from './read-openai-settings.js';

export interface OpenAiModelsView {
  /** Chat models the saved key can use, sorted. */
  models: string[];
  /** The Model setting now. */
  chosen: string;
  /** Why the list could not be loaded. */
  problem: CheckFinding | null;
}

/** Fills the Model choice with what the saved key can actually use. */
export async function listAvailableModels(ctx: EngineContext): Promise<OpenAiModelsView> {
  const { values, connection, keyWithheld } = await readOpenAiSettings(ctx);
  if (!connection.apiKey) return { models: [], chosen: values.model, problem: makeFinding(OPENAI_CAUSES, keyWithheld ? 'key_not_bound' : 'key_missing', { fixField: 'apiKey' }) };
  const listed = await ctx.openAi.listModels(connection);
  if (!listed.ok) {
    const { cause, detail } = listed.error;
    return { models: [], chosen: values.model, problem: makeFinding(OPENAI_CAUSES, cause, { detail, fixField: openAiFixField(cause) }) };
  }
  return { models: listed.value, chosen: values.model, problem: null };
}
