import { createOutboundHttp } from '../../src/integrations/http/create-outbound-http.js';

/**
 * The outbound HTTP of clients built directly in tests: the fakes listen on loopback, which the
 * engine refuses unless the operator allows it (PASSIVEWP_ALLOW_PRIVATE_OUTBOUND=loopback).
 */
export const LOOPBACK_HTTP = createOutboundHttp({ allowPrivate: ['loopback'] });
