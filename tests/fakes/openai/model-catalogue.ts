/** How the fake's chat completions treat a model. */
export type ModelKind = 'chat' | 'reasoning' | 'not-chat';

export interface CatalogueModel {
  id: string;
  created: number;
  owned_by: string;
  kind: ModelKind;
  /** The dated snapshot that answers for an alias, as `model` in a completion. */
  snapshot: string;
}

const model = (id: string, created: number, owned_by: string, kind: ModelKind, snapshot = id): CatalogueModel => ({ id, created, owned_by, kind, snapshot });

/** A realistic slice of what GET /v1/models lists for an ordinary project key, in the service's unsorted order. */
const CATALOGUE: readonly CatalogueModel[] = [
  model('gpt-4o-mini', 1721172741, 'system', 'chat', 'gpt-4o-mini-2024-07-18'),
  model('text-embedding-3-small', 1705948997, 'system', 'not-chat'),
  model('gpt-5-mini', 1754425928, 'system', 'reasoning', 'gpt-5-mini-2025-08-07'),
  model('tts-1', 1681940951, 'openai-internal', 'not-chat'),
  model('gpt-4.1', 1744316542, 'system', 'chat', 'gpt-4.1-2025-04-14'),
  model('whisper-1', 1677532384, 'openai-internal', 'not-chat'),
  model('gpt-5', 1754425777, 'system', 'reasoning', 'gpt-5-2025-08-07'),
  model('dall-e-3', 1698785189, 'system', 'not-chat'),
  model('o4-mini', 1744225351, 'system', 'reasoning', 'o4-mini-2025-04-16'),
  model('omni-moderation-latest', 1731689265, 'system', 'not-chat'),
  model('gpt-4.1-mini', 1744318173, 'system', 'chat', 'gpt-4.1-mini-2025-04-14'),
  model('gpt-4o-mini-tts', 1742403959, 'system', 'not-chat'),
  model('gpt-5-nano', 1754426384, 'system', 'reasoning', 'gpt-5-nano-2025-08-07'),
  model('gpt-4o-transcribe', 1742068463, 'system', 'not-chat'),
  model('gpt-4o', 1715367049, 'system', 'chat', 'gpt-4o-2024-08-06'),
  model('gpt-image-1', 1745517030, 'system', 'not-chat'),
  model('gpt-4o-mini-2024-07-18', 1721172717, 'system', 'chat'),
  model('gpt-realtime', 1756271701, 'system', 'not-chat'),
  model('text-embedding-3-large', 1705953180, 'system', 'not-chat'),
  model('gpt-4o-search-preview', 1741388720, 'system', 'not-chat'),
  model('babbage-002', 1692634615, 'system', 'not-chat'),
  model('gpt-3.5-turbo', 1677610602, 'openai', 'chat', 'gpt-3.5-turbo-0125'),
  model('davinci-002', 1692634301, 'system', 'not-chat'),
  model('computer-use-preview', 1734655677, 'system', 'not-chat'),
  model('gpt-3.5-turbo-instruct', 1692901427, 'system', 'not-chat'),
];

/** Every id above: the models of a key profile that names none. */
export const DEFAULT_MODEL_IDS: readonly string[] = CATALOGUE.map((entry) => entry.id);

/** Ids the catalogue does not know (a fine-tune, a provider's own model) behave as plain chat models. */
export function findModel(id: string): CatalogueModel {
  return CATALOGUE.find((entry) => entry.id === id) ?? model(id, 1_700_000_000, 'user', 'chat');
}

/** A model entry exactly as GET /v1/models shows it. */
export function toModelObject(id: string): { id: string; object: 'model'; created: number; owned_by: string } {
  const entry = findModel(id);
  return { id: entry.id, object: 'model', created: entry.created, owned_by: entry.owned_by };
}
