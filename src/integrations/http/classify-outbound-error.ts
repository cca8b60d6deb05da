import { findOutboundStop } from './outbound-errors.js';
import { PLAIN_NETWORK_CAUSES } from './plain-network-causes.js';

/** Why no (complete) answer came back, in the few kinds every integration tells apart. */
export type OutboundFailure =
  | { kind: 'timeout'; host: string; message: string }
  | { kind: 'address_refused'; host: string; message: string }
  | { kind: 'too_large'; host: string; message: string; limitBytes: number }
  | { kind: 'tls'; host: string; message: string; code: string | undefined }
  | { kind: 'network'; host: string; message: string; code: string | undefined; reason: string };

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HANDSHAKE/i;


/** Turns what fetch (or reading its body) threw into an OutboundFailure; the messages name the host, never a secret. */
export function classifyOutboundError(error: unknown, host: string): OutboundFailure {
  const stop = findOutboundStop(error);
  if (stop?.code === 'PASSIVEWP_ADDRESS_REFUSED') return { kind: 'address_refused', host, message: stop.message };
  if (stop?.code === 'PASSIVEWP_ANSWER_TOO_LARGE') return { kind: 'too_large', host, message: stop.message, limitBytes: stop.limitBytes };
  const root = rootCause(error);
  if (root.name === 'TimeoutError' || root.name === 'AbortError' || (error as Error)?.name === 'TimeoutError') {
    return { kind: 'timeout', host, message: `${host} did not answer in time` };
  }
  const code = root.code;
  if ((code && TLS_CODES.test(code)) || TLS_CODES.test(root.message)) {
    return { kind: 'tls', host, code, message: `The secure connection to ${host} failed (${code ?? 'TLS error'})` };
  }
  const reason = (code ? PLAIN_NETWORK_CAUSES[code] : undefined) ?? code ?? root.message.slice(0, 120);
  return { kind: 'network', host, code, reason, message: `Could not reach ${host}: ${reason}` };
}

interface CauseLink {
  name: string;
  message: string;
  code: string | undefined;
}

/** The innermost cause with a system error code (ECONNREFUSED …), else the innermost cause. */
function rootCause(error: unknown): CauseLink {
  let innermost: CauseLink = { name: '', message: String(error), code: undefined };
  let withCode: CauseLink | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++, current = current.cause) {
    const code = (current as { code?: unknown }).code;
    innermost = { name: current.name, message: current.message, code: typeof code === 'string' ? code : undefined };
    if (typeof code === 'string') withCode = innermost;
  }
  return withCode ?? innermost;
}
