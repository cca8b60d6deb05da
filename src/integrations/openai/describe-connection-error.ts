import { PLAIN_NETWORK_CAUSES } from '../http/plain-network-causes.js';

const TLS_PATTERN = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HANDSHAKE/i;

/**
 * Names why no answer arrived. The SDK only says "Connection error."; the reason sits a few
 * `cause` levels down (fetch failed → ECONNREFUSED), and it is what the admin needs to fix it.
 */
export function describeConnectionError(error: Error, host: string): string {
  const root = findRootCause(error);
  const code = root.code ?? '';
  if (TLS_PATTERN.test(code) || TLS_PATTERN.test(root.message)) return `Secure connection (TLS) to ${host} failed: ${root.message}`;
  const plain = PLAIN_NETWORK_CAUSES[code];
  if (plain) return `Could not reach ${host}: ${plain}.`;
  return `Could not reach ${host}: ${code ? `${code} ` : ''}${root.message}`.trim();
}

interface CauseLink {
  message: string;
  code?: string;
}

/** The innermost cause that carries a system error code (ECONNREFUSED…), else the innermost one. */
function findRootCause(error: Error): CauseLink {
  let innermost: CauseLink = { message: error.message };
  let withCode: CauseLink | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++, current = current.cause) {
    const code = (current as { code?: unknown }).code;
    innermost = { message: current.message };
    if (typeof code === 'string') withCode = { message: current.message, code };
  }
  return withCode ?? innermost;
}
