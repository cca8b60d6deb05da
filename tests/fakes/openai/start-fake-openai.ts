import { listenOnLoopback } from './listen-on-loopback.js';
import { serveFakeOpenAi } from './router.js';
import { FakeOpenAiState, type KeyProfile } from './state.js';

export { openAiError, openAiErrors, type OpenAiErrorObject } from './openai-errors.js';
export { DEFAULT_MODEL_IDS } from './model-catalogue.js';
export { DEFAULT_ORGANIZATION, DEFAULT_PROJECT, FakeOpenAiState, type FakeOutage, type KeyProfile, type LoggedRequest } from './state.js';
export type { FakeAnswer } from './answer.js';

/** The key a fake started without `keys` accepts. */
export const FAKE_OPENAI_KEY = 'sk-proj-fake-key-0000000000000000000000000';

export interface FakeOpenAiOptions {
  /** API key → how the fake treats it; `{ [FAKE_OPENAI_KEY]: {} }` by default. */
  keys?: Record<string, KeyProfile>;
}

export interface FakeOpenAi {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `origin + '/v1'`: the Base URL setting. */
  baseUrl: string;
  port: number;
  state: FakeOpenAiState;
  close(): Promise<void>;
}

/** Starts a fake OpenAI API on loopback: GET /v1/models, GET /v1/models/{id}, POST /v1/chat/completions, with the real errors. */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const state = new FakeOpenAiState(options.keys ?? { [FAKE_OPENAI_KEY]: {} });
  const server = await listenOnLoopback((request, response) => {
    void serveFakeOpenAi(request, response, state);
  });
  return { origin: server.origin, baseUrl: `${server.origin}/v1`, port: server.port, state, close: server.close };
}
