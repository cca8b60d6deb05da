import type { Kysely } from 'kysely';
import type { AiUsageStore } from '../../domain/ports.js';
import type { Database } from '../schema.js';

export function createAiUsageStore(db: Kysely<Database>): AiUsageStore {
  return {
    async add({ month, model, inputTokens, outputTokens, costMicroUsd }) {
      const cost = costMicroUsd ?? 0;
      const unpriced = costMicroUsd === null ? 1 : 0;
      await db
        .insertInto('ai_usage')
        .values({ month, model, requests: 1, input_tokens: inputTokens, output_tokens: outputTokens, cost_micro_usd: cost, unpriced_requests: unpriced })
        // Qualified names: PostgreSQL finds a bare `requests` ambiguous between the row and `excluded`.
        .onConflict((oc) =>
          oc.columns(['month', 'model']).doUpdateSet((eb) => ({
            requests: eb('ai_usage.requests', '+', 1),
            input_tokens: eb('ai_usage.input_tokens', '+', inputTokens),
            output_tokens: eb('ai_usage.output_tokens', '+', outputTokens),
            cost_micro_usd: eb('ai_usage.cost_micro_usd', '+', cost),
            unpriced_requests: eb('ai_usage.unpriced_requests', '+', unpriced),
          })),
        )
        .execute();
    },
    async month(month) {
      const rows = await db.selectFrom('ai_usage').selectAll().where('month', '=', month).orderBy('model').execute();
      return rows.map((row) => ({
        model: row.model,
        requests: row.requests,
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        costMicroUsd: row.cost_micro_usd,
        unpricedRequests: row.unpriced_requests,
      }));
    },
  };
}
