/**
 * Model ids that cannot write text through chat completions. Matching is by OpenAI's naming; an id
 * that matches nothing is kept, so models of compatible providers (`llama3.1:8b`,
 * `mistralai/Mistral-7B-Instruct`, `gemini-2.5-pro`) stay selectable.
 */
const NOT_FOR_CHAT: readonly RegExp[] = [
  /embed/i, // vectors, not text: text-embedding-3-small, nomic-embed-text
  /rerank/i, // scores documents, writes nothing
  /(^|[-_])tts([-_]|$)/i, // speech output: tts-1, gpt-4o-mini-tts
  /whisper|transcribe/i, // speech to text
  /dall-e|(^|-)image(-|$)/i, // pictures: dall-e-3, gpt-image-1
  /^sora/i, // video
  /moderation/i, // classifies text, writes none
  /realtime|(^|-)audio(-|$)/i, // realtime sessions, audio in and out
  /search-(preview|api)|deep-research/i, // every call also bills web searches
  /computer-use/i, // drives a computer; Responses API only
  /codex/i, // coding agents; Responses API only
  /^(o\d+|gpt-\d[\d.]*)-pro(-|$)/i, // o3-pro, gpt-5-pro: Responses API only
  /^(babbage|davinci)-\d|^gpt-3\.5-turbo-instruct/i, // legacy completions endpoint only
];

/** Whether a listed model can write the texts PassiveWP asks for through chat completions. */
export function isChatModel(id: string): boolean {
  return !NOT_FOR_CHAT.some((pattern) => pattern.test(id));
}
