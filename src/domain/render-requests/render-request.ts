import { z } from 'zod';

/** The most post content one request may render: 1 MB of UTF-8. */
export const MAX_CONTENT_BYTES = 1024 * 1024;

const utf8 = new TextEncoder();

const content = z
  .string({ error: 'is the post content to render (text)' })
  .refine((text) => text.length <= MAX_CONTENT_BYTES / 3 || utf8.encode(text).length <= MAX_CONTENT_BYTES, { error: 'is longer than 1 MB' });

/** The visitor's country (ISO 3166-1 alpha-2, any case): their links go to the store it maps to. */
export const visitorCountry = z
  .string({ error: 'is a country code such as DE' })
  .trim()
  .regex(/^[A-Za-z]{2}$/, { error: 'is a two-letter country code such as DE' })
  .transform((code) => code.toUpperCase());

/** `POST /api/render/v1`: what a server (the WordPress bridge) sends for one page view. */
export const renderApiInput = z.object({
  content,
  country: visitorCountry.optional(),
  /** The visitor's address (not the calling server's), located when no country is given. */
  visitorIp: z.union([z.ipv4(), z.ipv6()], { error: 'is an IPv4 or IPv6 address' }).optional(),
});

/** `POST /api/render/preview`: the admin's "Test post". */
export const renderPreviewInput = z.object({ content, country: visitorCountry.optional() });

export type RenderApiInput = z.infer<typeof renderApiInput>;
export type RenderPreviewInput = z.infer<typeof renderPreviewInput>;
