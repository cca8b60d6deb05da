import { z } from 'zod';

/**
 * The address of a service a secret is sent to (OpenAI Base URL, Relay URL): an http(s) URL whose
 * path is exactly what is saved. User info, a query or a fragment are refused: each would let the
 * saved text point requests somewhere other than it seems to (`https://api.example.com@evil.test`,
 * a `?` or `#` that swallows the path the engine appends). Trailing slashes are dropped; `optional`
 * also accepts an empty text (no address set).
 */
export function endpointUrl(example: string, options: { optional?: boolean } = {}) {
  const notAnAddress = `Enter a full address starting with https:// (or http://), e.g. ${example}.`;
  return z
    .string()
    .trim()
    .max(500, { error: 'Use at most 500 characters.' })
    .superRefine((text, ctx) => {
      if (options.optional && text === '') return;
      const url = URL.canParse(text) ? new URL(text) : undefined;
      if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
        ctx.addIssue({ code: 'custom', message: notAnAddress });
        return;
      }
      if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'Leave out any user name or password (the part before @); the secret field carries the credentials.' });
      if (/[?#]/.test(text)) ctx.addIssue({ code: 'custom', message: 'Enter the address without ? or # and what follows: requests go to paths under it.' });
    })
    .transform((text) => text.replace(/\/+$/, ''));
}
