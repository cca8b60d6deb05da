import type { IncomingMessage } from 'node:http';
import type { FakeMaxMindAccount } from './fake-maxmind-state.js';

export type BasicAuth =
  | { kind: 'missing'; accountId: null }
  | { kind: 'unknown_account'; accountId: string }
  | { kind: 'missing_key'; accountId: string }
  | { kind: 'wrong_key'; accountId: string }
  | { kind: 'ok'; accountId: string; account: FakeMaxMindAccount };

/** HTTP Basic `accountId:licenseKey`, checked against the fake's accounts. */
export function readBasicAuth(request: IncomingMessage, accounts: FakeMaxMindAccount[]): BasicAuth {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return { kind: 'missing', accountId: null };
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const accountId = colon === -1 ? decoded : decoded.slice(0, colon);
  const licenseKey = colon === -1 ? '' : decoded.slice(colon + 1);
  if (!licenseKey) return { kind: 'missing_key', accountId };
  const account = accounts.find((a) => a.accountId === accountId);
  if (!account) return { kind: 'unknown_account', accountId };
  return account.licenseKey === licenseKey ? { kind: 'ok', accountId, account } : { kind: 'wrong_key', accountId };
}
