import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * Which addresses the engine may open connections to. Public unicast addresses always; private,
 * loopback, link-local and every other special-purpose range only when the operator listed them
 * (PASSIVEWP_ALLOW_PRIVATE_OUTBOUND). Origins the operator configured for a vendor (the Amazon
 * endpoint override, the MaxMind hosts) are trusted whatever they resolve to: they are the
 * operator's own choice, not a value typed into an admin screen.
 */
export interface OutboundPolicy {
  allowsAddress(address: string): boolean;
  /** Whether a connection to this protocol, host and port goes to an origin the operator configured. */
  trustsOrigin(target: { protocol: string; hostname: string; port: string }): boolean;
}

export interface OutboundPolicyOptions {
  /** proxy-addr entries: addresses, CIDR ranges, `loopback`, `linklocal`, `uniquelocal`. Empty: public addresses only. */
  allowPrivate: readonly string[];
  /** Origins (`http://127.0.0.1:8790`) set by configuration variables; undefined entries are ignored. */
  trustedOrigins?: ReadonlyArray<string | undefined>;
}

export function createOutboundPolicy(options: OutboundPolicyOptions): OutboundPolicy {
  const allowed = proxyaddr.compile([...options.allowPrivate]);
  const trusted = new Set(
    (options.trustedOrigins ?? []).filter((origin): origin is string => Boolean(origin)).map((origin) => {
      const url = new URL(origin);
      return originKey(url.protocol, url.hostname, url.port);
    }),
  );
  return {
    allowsAddress: (address) => isPublicAddress(address) || (ipaddr.isValid(address) && allowed(address, 0)),
    trustsOrigin: ({ protocol, hostname, port }) => trusted.has(originKey(protocol, hostname, port)),
  };
}

/**
 * A global unicast address: not loopback, private, shared (CGNAT), link-local (cloud metadata at
 * 169.254.169.254 included), unique-local, unspecified, multicast, broadcast, documentation,
 * benchmarking, reserved, or a v4-in-v6 form (IPv4-mapped, 6to4, NAT64, Teredo) that could carry one
 * of those. ipaddr.js keeps the IANA special-purpose registries; only its `unicast` means public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.parse(address).range() === 'unicast';
}

function originKey(protocol: string, hostname: string, port: string): string {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return `${protocol}//${host}:${port || (protocol === 'https:' ? '443' : '80')}`;
}
