/** The most of a foreign server's own words the engine repeats anywhere: check rows, findings, logs. */
export const FOREIGN_TEXT_LIMIT = 160;

const HIDDEN = '[hidden]';
/** Only the start of a long text is looked at: markup removal shortens it, but never below this. */
const WORKING_LENGTH = 4096;
/** Secrets shorter than this are not searched for: they would match ordinary words and protect nothing. */
const MIN_SECRET_LENGTH = 4;
// Control characters, and the invisible ones that reorder or hide text (bidi overrides, zero width).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * What a server outside our control said, made safe to show: markup and control characters
 * removed, whitespace collapsed, the given secrets and anything credential-like masked, then cut
 * to `limit` characters. Non-text becomes ''.
 */
export function summarizeForeignText(text: unknown, secrets: ReadonlyArray<string | undefined> = [], limit = FOREIGN_TEXT_LIMIT): string {
  if (typeof text !== 'string') return '';
  // Masked first, so that no later step can split a secret and let a piece of it through; then
  // shortened, so that the clean-up below costs the same for a 5 MB message as for a short one.
  let plain = maskSecrets(text, secrets)
    .slice(0, WORKING_LENGTH)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[A-Za-z!?][^>]*>?/g, ' ')
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  plain = maskSecrets(plain, secrets);
  // Credentials a server may echo that are not ours to know: bearer tokens, OpenAI-style keys.
  plain = plain.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${HIDDEN}`).replace(/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${HIDDEN}`);
  const characters = Array.from(plain);
  return characters.length <= limit ? plain : `${characters.slice(0, limit - 1).join('').trimEnd()}…`;
}

function maskSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return secrets.reduce<string>((masked, secret) => {
    const value = secret?.trim();
    return value && value.length >= MIN_SECRET_LENGTH ? masked.split(value).join(HIDDEN) : masked;
  }, text);
}
