import { err, ok, type Result } from '../../shared/result.js';
import type { EngineContext } from '../context.js';
import type { OpenAiFailure } from './openai-gateway.js';
import { readAiUsage } from './read-ai-usage.js';

/**
 * The gate every AI feature passes before it calls the model: once a monthly limit is reached,
 * calls wait for the next month instead of running up a bill.
 */
export async function ensureAiBudget(ctx: EngineContext): Promise<Result<void, OpenAiFailure>> {
  const usage = await readAiUsage(ctx);
  if (!usage.exhausted) return ok(undefined);
  const which = (usage.used.tokens ?? 0) >= 1 ? `${usage.totalTokens} of ${usage.limits.tokens} tokens` : `$${(usage.costUsd ?? 0).toFixed(2)} of $${usage.limits.costUsd?.toFixed(2)}`;
  return err({ cause: 'budget_exhausted', detail: `used ${which} in ${usage.month}`, status: null, retryAfterSeconds: Math.ceil((Date.parse(usage.resetsAt) - ctx.clock.now().getTime()) / 1000) });
}
