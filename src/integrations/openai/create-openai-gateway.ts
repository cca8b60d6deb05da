import type { OpenAiGateway } from '../../domain/ai/openai-gateway.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { callOpenAi } from './call-openai.js';
import { listChatModels } from './list-chat-models.js';
import { probeChatModel } from './probe-chat-model.js';

export interface OpenAiGatewayOptions {
  /** The guarded way out: the Base URL must resolve to an address it allows. */
  http: OutboundHttp;
  /** Per request; 15 s by default, long enough for a slow first token, short enough for a settings page. */
  timeoutMs?: number;
}

/** The OpenAI gateway of the domain, on the official SDK: any OpenAI-compatible API at the connection's Base URL. */
export function createOpenAiGateway(options: OpenAiGatewayOptions): OpenAiGateway {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    listModels: (connection) => callOpenAi(options.http, connection, timeoutMs, listChatModels),
    probeModel: (connection, model) => callOpenAi(options.http, connection, timeoutMs, (client) => probeChatModel(client, model)),
  };
}
