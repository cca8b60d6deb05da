/** Anything that looks like an OpenAI secret key: `sk-`, `sk-proj-`, `sk-svcacct-` followed by enough characters to be one. */
const SECRET_KEY_PATTERN = /sk-[A-Za-z0-9_-]{6,}/g;

/**
 * Shorter keys are not hidden inside other text: a three-letter "key" would match ordinary words
 * and garble the message while protecting nothing.
 */
const MIN_MASKED_KEY_LENGTH = 4;

/**
 * Hides API keys in text shown to the admin or written to logs: the connection's own key (whatever
 * its shape — compatible providers have their own) and any `sk-…` token, as `sk-…abcd`.
 */
export function maskSecrets(text: string, apiKey: string): string {
  const key = apiKey.trim();
  const withoutKey = key.length >= MIN_MASKED_KEY_LENGTH ? text.split(key).join(maskKey(key)) : text;
  return withoutKey.replace(SECRET_KEY_PATTERN, maskKey);
}

/** `sk-…abcd`: the last four characters identify the key in the dashboard without revealing it. */
function maskKey(key: string): string {
  const prefix = key.startsWith('sk-') ? 'sk-' : '';
  const tail = key.length >= 12 ? key.slice(-4) : '';
  return `${prefix}…${tail}`;
}
