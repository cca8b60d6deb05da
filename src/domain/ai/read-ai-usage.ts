import type { EngineContext } from '../context.js';
import { readOpenAiSettings } from './read-openai-settings.js';
import { nextMonthStart, usageMonth } from './usage-month.js';

export interface AiUsageView {
  /** YYYY-MM, UTC. */
  month: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Estimated; null when a model used this month has no known price. */
  costUsd: number | null;
  limits: { tokens: number | null; costUsd: number | null };
  /** Share of each limit used (may exceed 1); null without that limit. */
  used: { tokens: number | null; costUsd: number | null };
  /** A limit is reached: AI features wait for the next month. */
  exhausted: boolean;
  resetsAt: string;
}

/** This month's AI usage against the limits in Settings → OpenAI. */
export async function readAiUsage(ctx: EngineContext): Promise<AiUsageView> {
  const now = ctx.clock.now();
  const [{ values }, totals] = await Promise.all([readOpenAiSettings(ctx), ctx.stores.aiUsage.month(usageMonth(now))]);
  const sum = (pick: (t: (typeof totals)[number]) => number) => totals.reduce((total, t) => total + pick(t), 0);
  const inputTokens = sum((t) => t.inputTokens);
  const outputTokens = sum((t) => t.outputTokens);
  const totalTokens = inputTokens + outputTokens;
  const costMicroUsd = sum((t) => t.costMicroUsd);
  const costKnown = sum((t) => t.unpricedRequests) === 0;
  const limits = { tokens: values.monthlyTokenLimit, costUsd: values.monthlyCostLimit };
  const used = {
    tokens: limits.tokens === null ? null : limits.tokens === 0 ? 1 : totalTokens / limits.tokens,
    // Calls without a known price still count against a spending limit as far as they are known.
    costUsd: limits.costUsd === null ? null : limits.costUsd === 0 ? 1 : costMicroUsd / 1e6 / limits.costUsd,
  };
  return {
    month: usageMonth(now),
    requests: sum((t) => t.requests),
    inputTokens,
    outputTokens,
    totalTokens,
    costUsd: costKnown ? costMicroUsd / 1e6 : null,
    limits,
    used,
    exhausted: (used.tokens ?? 0) >= 1 || (used.costUsd ?? 0) >= 1,
    resetsAt: nextMonthStart(now).toISOString(),
  };
}
