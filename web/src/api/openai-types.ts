export type { AiUsageView } from '../../../src/domain/ai/read-ai-usage.js';
export type { OpenAiModelsView } from '../../../src/domain/ai/list-available-models.js';
