import { apiAnswer, type FakeAnswer } from './answer.js';
import { toModelObject } from './model-catalogue.js';
import { openAiErrors } from './openai-errors.js';
import type { ResolvedKeyProfile } from './state.js';

/** GET /v1/models: every model of the key, denied ones included (access is only checked when sampling). */
export function listModels(profile: ResolvedKeyProfile): FakeAnswer {
  return apiAnswer(200, { object: 'list', data: profile.models.map(toModelObject) });
}

/** GET /v1/models/{id} */
export function retrieveModel(profile: ResolvedKeyProfile, id: string): FakeAnswer {
  return profile.models.includes(id) ? apiAnswer(200, toModelObject(id)) : openAiErrors.modelNotFoundOnRetrieve(id);
}
