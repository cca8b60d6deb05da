import type { FastifyReply, FastifyRequest } from 'fastify';

// One year. No includeSubDomains: the engine often shares its domain with the WordPress site (or is
// one subdomain of it) and cannot know that every other host under that domain speaks https; a
// wrong guess would lock visitors out of those hosts for a year. An operator who knows can add it
// (and preload) at the reverse proxy.
const HSTS = 'max-age=31536000';

/**
 * Headers every response carries; the admin app needs no inline script, so the policy can be strict.
 * HSTS goes out when the public URL is https or the request came over https (browsers ignore it over http anyway).
 */
export function createSecurityHeaders(publicUrlIsHttps: boolean) {
  return async function addSecurityHeaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'SAMEORIGIN');
    void reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'",
    );
    if (publicUrlIsHttps || request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
  };
}
