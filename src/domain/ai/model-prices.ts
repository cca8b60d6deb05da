/**
 * List prices in US dollars per million tokens for common models, so a monthly spending limit
 * works without typing prices in. Prices change: the settings' own price fields win over this
 * table, and a model missing here has no cost unless prices are entered.
 */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

const PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-5': { inputPerMillion: 1.25, outputPerMillion: 10 },
  'gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'gpt-5-nano': { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'o4-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  o3: { inputPerMillion: 2, outputPerMillion: 8 },
};

/** The list price of a model; dated snapshots (`gpt-4o-mini-2024-07-18`) cost what their family costs. */
export function findModelPrice(model: string): ModelPrice | undefined {
  const exact = PRICES[model];
  if (exact) return exact;
  const family = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return PRICES[family];
}
