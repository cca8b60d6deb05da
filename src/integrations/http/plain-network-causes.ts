/** System error codes of a failed connection, in words an admin can act on. */
export const PLAIN_NETWORK_CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (nothing listens at that address and port)',
  ENOTFOUND: 'host name not found in DNS',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ECONNRESET: 'connection reset by the other side',
  UND_ERR_SOCKET: 'connection closed by the other side',
  UND_ERR_CONNECT_TIMEOUT: 'connecting took too long',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};
