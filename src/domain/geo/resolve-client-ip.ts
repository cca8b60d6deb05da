import proxyaddr from 'proxy-addr';
import { splitProxyList } from '../settings/sections/geolocation.js';

export interface ClientIpView {
  /** The visitor's address as the engine uses it. */
  ip: string;
  /** The address the connection came from. */
  socketAddress: string;
  forwardedFor: string | null;
  /** True when the address came from X-Forwarded-For through trusted proxies. */
  usedForwardedFor: boolean;
}

/** Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; people and MaxMind expect a.b.c.d. */
const plainAddress = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);

const compiled = new Map<string, (address: string, hop: number) => boolean>();

/** The setting is read far more often than it changes: compile each distinct list once. */
function trustFor(trustedProxies: string): (address: string, hop: number) => boolean {
  let trust = compiled.get(trustedProxies);
  if (!trust) {
    if (compiled.size > 20) compiled.clear();
    trust = proxyaddr.compile(splitProxyList(trustedProxies));
    compiled.set(trustedProxies, trust);
  }
  return trust;
}

/**
 * The visitor's address: X-Forwarded-For is walked from the right only while each hop is a
 * trusted proxy, so a client cannot name its own address by sending the header itself.
 */
export function resolveClientIp(request: { socketAddress: string; forwardedFor: string | undefined }, trustedProxies: string): ClientIpView {
  const forwardedFor = request.forwardedFor?.trim() || null;
  const carrier = { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}, connection: { remoteAddress: request.socketAddress }, socket: { remoteAddress: request.socketAddress } };
  const ip = proxyaddr(carrier as unknown as Parameters<typeof proxyaddr>[0], trustFor(trustedProxies));
  return { ip: plainAddress(ip), socketAddress: plainAddress(request.socketAddress), forwardedFor, usedForwardedFor: ip !== request.socketAddress };
}
