import type { Result } from '../../shared/result.js';
import type { OpenAiCause } from '../connection-checks/openai-causes.js';

/**
 * What the domain needs from an OpenAI-compatible API. src/integrations/openai implements it with
 * the official SDK; the domain never sees the SDK or its errors, only cause codes.
 */
export interface OpenAiConnection {
  apiKey: string;
  /** e.g. https://api.openai.com/v1 — any OpenAI-compatible endpoint. */
  baseUrl: string;
  /** '' when not set. */
  organization: string;
  /** '' when not set. */
  project: string;
  /**
   * The Base URL the key was saved (or configured) with: the gateway sends the key to no other.
   * Normally the same as `baseUrl`; the gateway checks it again before anything leaves.
   */
  keyBoundTo: string;
}

export interface OpenAiFailure {
  cause: OpenAiCause;
  /** What the service said (its error message, any key in it masked) or what went wrong locally; shown to the admin. */
  detail: string;
  status: number | null;
  retryAfterSeconds: number | null;
}

export interface OpenAiProbe {
  /** The model that answered, as the service names it. */
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface OpenAiGateway {
  /** The ids of the models the key can use, sorted. */
  listModels(connection: OpenAiConnection): Promise<Result<string[], OpenAiFailure>>;
  /** The cheapest call that proves the key, billing and the model: a chat completion of a few tokens. */
  probeModel(connection: OpenAiConnection, model: string): Promise<Result<OpenAiProbe, OpenAiFailure>>;
}
