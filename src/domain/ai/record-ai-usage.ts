import type { EngineContext } from '../context.js';
import { findModelPrice } from './model-prices.js';
import { readOpenAiSettings, type OpenAiValues } from './read-openai-settings.js';
import { usageMonth } from './usage-month.js';

export interface AiCall {
  model: string;
  inputTokens: number;
  outputTokens: number;
}

/**
 * The settings' own prices (for the chosen model, or a dated snapshot of it, which is what the
 * service names in its answer) win over the built-in list; null when neither knows the model.
 */
export function costOfCall(values: Pick<OpenAiValues, 'model' | 'inputPricePerMillion' | 'outputPricePerMillion'>, call: AiCall): number | null {
  const ownPrices = values.inputPricePerMillion !== null && values.outputPricePerMillion !== null && (call.model === values.model || call.model.startsWith(`${values.model}-`));
  const price = ownPrices
    ? { inputPerMillion: values.inputPricePerMillion as number, outputPerMillion: values.outputPricePerMillion as number }
    : findModelPrice(call.model);
  if (!price) return null;
  // Micro-dollars per token equal dollars per million tokens.
  return Math.round(call.inputTokens * price.inputPerMillion + call.outputTokens * price.outputPerMillion);
}

/** Counts one AI call against this month's limits; every AI feature (and the check) records what it used. */
export async function recordAiUsage(ctx: EngineContext, call: AiCall): Promise<void> {
  const { values } = await readOpenAiSettings(ctx);
  await ctx.stores.aiUsage.add({ month: usageMonth(ctx.clock.now()), model: call.model, inputTokens: call.inputTokens, outputTokens: call.outputTokens, costMicroUsd: costOfCall(values, call) });
}
