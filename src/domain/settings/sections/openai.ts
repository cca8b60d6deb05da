import { z } from 'zod';
import { findModelPrice } from '../../ai/model-prices.js';
import { defineField, defineSection } from '../define-section.js';
import { endpointUrl } from './endpoint-url.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** A blank field means "no limit" (null); otherwise a non-negative number. Typed text and JSON numbers both work. */
const optionalAmount = (max: number, error: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? null : Number(value.trim().replace(',', '.'))) : value),
    z.number({ error }).finite({ error }).min(0, { error }).max(max, { error }).nullable(),
  );

/**
 * Settings → OpenAI: the key and endpoint every AI feature uses, the model, and the monthly
 * limits those features must respect (see src/domain/ai/ensure-ai-budget.ts).
 */
export const openAiSection = defineSection({
  id: 'openai',
  title: 'OpenAI',
  fields: {
    apiKey: defineField({
      label: 'OpenAI API Key',
      help: 'From platform.openai.com → API keys. Stored encrypted and never shown again.',
      input: 'secret',
      secret: true,
      schema: z.string().trim().min(20, { error: 'This is too short to be an API key.' }).max(500, { error: 'Use at most 500 characters.' }).regex(/^\S+$/, { error: 'An API key has no spaces.' }),
      default: '',
      configVariable: 'PASSIVEWP_OPENAI_API_KEY',
      boundTo: 'baseUrl',
    }),
    organization: defineField({
      label: 'Organization',
      help: 'Optional. Only when the key belongs to several organizations (org-…).',
      input: 'text',
      schema: z.string().trim().max(100, { error: 'Use at most 100 characters.' }).regex(/^\S*$/, { error: 'An organization ID has no spaces.' }),
      default: '',
    }),
    project: defineField({
      label: 'Project',
      help: 'Optional. The project to bill (proj_…); usually implied by the key.',
      input: 'text',
      schema: z.string().trim().max(100, { error: 'Use at most 100 characters.' }).regex(/^\S*$/, { error: 'A project ID has no spaces.' }),
      default: '',
    }),
    baseUrl: defineField({
      label: 'Base URL',
      help:
        'Keep the default for OpenAI; any OpenAI-compatible API works (Azure OpenAI, OpenRouter, a local server — one on this machine or your network needs PASSIVEWP_ALLOW_PRIVATE_OUTBOUND). The key is sent only to the Base URL it was saved with: changing it needs the key entered again.',
      input: 'url',
      schema: endpointUrl('https://api.openai.com/v1'),
      default: OPENAI_DEFAULT_BASE_URL,
      configVariable: 'PASSIVEWP_OPENAI_BASE_URL',
    }),
    model: defineField({
      label: 'Model',
      help: 'The list shows the models your key can use. Small models are cheap and enough for product texts.',
      input: 'model',
      schema: z
        .string()
        .trim()
        .min(1, { error: 'Choose a model.' })
        .max(200, { error: 'Use at most 200 characters.' })
        .regex(/^[A-Za-z0-9._:/@-]+$/, { error: 'A model name has no spaces (e.g. gpt-5-mini).' }),
      default: 'gpt-5-mini',
      configVariable: 'PASSIVEWP_OPENAI_MODEL',
    }),
    monthlyTokenLimit: defineField({
      label: 'Monthly token limit',
      help: 'AI features stop for the rest of the month once this many tokens (input + output) are used. Blank: no limit.',
      input: 'number',
      schema: optionalAmount(1e12, 'Enter a whole number of tokens, or leave it blank for no limit.').refine((n) => n === null || Number.isInteger(n), { error: 'Enter a whole number of tokens.' }),
      default: null,
    }),
    monthlyCostLimit: defineField({
      label: 'Monthly spending limit (USD)',
      help: 'AI features stop for the rest of the month once their estimated cost reaches this amount. Blank: no limit.',
      input: 'number',
      schema: optionalAmount(1e6, 'Enter an amount in US dollars (e.g. 5 or 12.50), or leave it blank for no limit.'),
      default: null,
    }),
    inputPricePerMillion: defineField({
      label: 'Input price per million tokens (USD)',
      help: 'Blank: the list price PassiveWP knows for common models. Set it for other models or negotiated prices.',
      input: 'number',
      schema: optionalAmount(10000, 'Enter a price in US dollars, or leave it blank.'),
      default: null,
    }),
    outputPricePerMillion: defineField({
      label: 'Output price per million tokens (USD)',
      help: 'Blank: the list price PassiveWP knows for common models.',
      input: 'number',
      schema: optionalAmount(10000, 'Enter a price in US dollars, or leave it blank.'),
      default: null,
    }),
  },
  check(values) {
    const issues = [];
    const hasOwnPrices = values.inputPricePerMillion !== null && values.outputPricePerMillion !== null;
    if (values.monthlyCostLimit !== null && !hasOwnPrices && !findModelPrice(values.model)) {
      issues.push({
        field: 'monthlyCostLimit',
        message: `PassiveWP does not know the price of ${values.model}; enter both prices per million tokens so the spending limit can be kept.`,
      });
    }
    if ((values.inputPricePerMillion === null) !== (values.outputPricePerMillion === null)) {
      issues.push({ field: values.inputPricePerMillion === null ? 'inputPricePerMillion' : 'outputPricePerMillion', message: 'Enter both prices, or leave both blank.' });
    }
    return issues;
  },
});
