import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { AddressRefusedError } from './outbound-errors.js';
import { createOutboundPolicy, type OutboundPolicy, type OutboundPolicyOptions } from './outbound-policy.js';

/**
 * The one way out of the engine: every integration's requests go through this fetch. Its
 * connections are checked where they are made, after DNS, so neither a host name that resolves to
 * an internal address nor one that changes its answer between two lookups (DNS rebinding) reaches
 * anything the policy does not allow, and every redirect hop gets the same check.
 */
export interface OutboundHttp {
  fetch(url: string | URL, init?: OutboundRequestInit): Promise<Response>;
  close(): Promise<void>;
}

export type OutboundRequestInit = Omit<RequestInit, 'dispatcher'>;

export type ResolveName = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export interface OutboundHttpOptions extends OutboundPolicyOptions {
  /** How host names become addresses: Node's dns.lookup unless a test maps names itself. */
  resolve?: ResolveName;
}

export function createOutboundHttp(options: OutboundHttpOptions): OutboundHttp {
  const policy = createOutboundPolicy(options);
  const open = buildConnector({});
  const guarded = buildConnector({ lookup: checkedLookup(policy, options.resolve ?? dnsLookup) });
  const agent = new Agent({
    connect(target, callback) {
      if (policy.trustsOrigin(target)) return open(target, callback);
      // An address written into the URL is never looked up, so the lookup cannot check it.
      if (isIP(target.hostname) && !policy.allowsAddress(target.hostname)) return callback(new AddressRefusedError(target.hostname, target.hostname), null);
      guarded(target, (error, socket) => {
        if (error) return callback(error, null);
        // What the socket really reached is the last word, whichever path led there.
        const reached = socket.remoteAddress;
        if (!reached || !policy.allowsAddress(reached)) {
          socket.destroy();
          return callback(new AddressRefusedError(target.hostname, reached ?? 'an unknown address'), null);
        }
        callback(null, socket);
      });
    },
  });
  return {
    // Node's own fetch cannot take this agent; undici's fetch is the same implementation, current.
    fetch: (url, init) => undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent }) as unknown as Promise<Response>,
    close: () => agent.close(),
  };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A lookup for the connector that fails when any address of the name is one the policy refuses. */
function checkedLookup(policy: OutboundPolicy, resolve: ResolveName) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => !policy.allowsAddress(entry.address));
      if (refused) return callback(new AddressRefusedError(hostname, refused.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
