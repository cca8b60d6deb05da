import { err, ok, type Result } from '../../../src/shared/result.js';
import type { FakeAnswer } from './answer.js';
import type { FakeRequest } from './fake-request.js';
import { openAiErrors } from './openai-errors.js';
import type { FakeOpenAiState, ResolvedKeyProfile } from './state.js';

/** The key's profile, or the 401 the service answers: no key, unknown key, foreign organization or project. */
export function authenticate(request: FakeRequest, state: FakeOpenAiState): Result<ResolvedKeyProfile, FakeAnswer> {
  const key = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!key) return err(openAiErrors.missingKey());
  const profile = state.profile(key);
  if (!profile) return err(openAiErrors.incorrectKey(key));
  const organization = request.headers['openai-organization'];
  if (organization && organization !== profile.organization) return err(openAiErrors.mismatchedOrganization());
  const project = request.headers['openai-project'];
  if (project && project !== profile.project) return err(openAiErrors.mismatchedProject());
  return ok(profile);
}
