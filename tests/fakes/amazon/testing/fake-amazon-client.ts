import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { MARKETPLACES, type Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import type { FakeCreatorsCredential, FakePaapiKey } from '../scenario.js';
import { TOKEN_HOSTS } from '../token/token-hosts.js';

/**
 * Plain-fetch helpers for driving the fake in tests, independent of the engine's own clients.
 * PA-API calls are signed with AWS's @smithy/signature-v4 for the real host, so the fake's own
 * verifier is checked against an independent implementation.
 */

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function marketplace(code: string): Marketplace {
  const found = MARKETPLACES.find((m) => m.code === code);
  if (!found) throw new Error(`no marketplace ${code}`);
  return found;
}

export function tokenHostOf(version: string): string {
  const entry = Object.entries(TOKEN_HOSTS).find(([, host]) => host.version === version);
  if (!entry) throw new Error(`no token host for ${version}`);
  return entry[0];
}

export type TokenStyle = 'json' | 'form' | 'basic';

export interface TokenCall {
  style?: TokenStyle;
  /** Defaults to the credential's own endpoint. */
  host?: string;
  scope?: string;
  grantType?: string;
  secret?: string;
}

export async function requestToken(origin: string, credential: Pick<FakeCreatorsCredential, 'id' | 'secret' | 'version'>, call: TokenCall = {}): Promise<Answer> {
  const host = call.host ?? tokenHostOf(credential.version);
  const tokenHost = TOKEN_HOSTS[host];
  if (!tokenHost) throw new Error(`not a token host: ${host}`);
  const fields: Record<string, string> = {
    grant_type: call.grantType ?? 'client_credentials',
    scope: call.scope ?? tokenHost.scope,
  };
  const secret = call.secret ?? credential.secret;
  const style = call.style ?? (tokenHost.flavour === 'lwa' ? 'json' : 'form');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string;
  if (style === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ ...fields, client_id: credential.id, client_secret: secret });
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    if (style === 'basic') headers.authorization = `Basic ${Buffer.from(`${credential.id}:${secret}`).toString('base64')}`;
    body = new URLSearchParams(style === 'basic' ? fields : { ...fields, client_id: credential.id, client_secret: secret }).toString();
  }
  return answerOf(await fetch(`${origin}/${host}${tokenHost.path}`, { method: 'POST', headers, body }));
}

/** A token for a credential, or a thrown error when the fake refuses. */
export async function tokenFor(origin: string, credential: FakeCreatorsCredential): Promise<string> {
  const answer = await requestToken(origin, credential);
  if (answer.status !== 200) throw new Error(`token refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.access_token as string;
}

export function bearer(token: string, version: string): string {
  return version.startsWith('2.') ? `Bearer ${token}, Version ${version}` : `Bearer ${token}`;
}

export interface CreatorsCall {
  authorization?: string;
  /** `www.amazon.*`; omitted when undefined. */
  marketplaceDomain?: string;
  body?: unknown;
  rawBody?: string;
}

export async function creatorsCall(origin: string, operation: string, call: CreatorsCall): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' };
  if (call.authorization) headers.authorization = call.authorization;
  if (call.marketplaceDomain) headers['x-marketplace'] = call.marketplaceDomain;
  const body = call.rawBody ?? JSON.stringify(call.body ?? {});
  return answerOf(await fetch(`${origin}/creatorsapi.amazon/catalog/v1/${operation}`, { method: 'POST', headers, body }));
}

export type PaapiOperationName = 'GetItems' | 'SearchItems' | 'GetVariations' | 'GetBrowseNodes';

export interface PaapiCall {
  key: Pick<FakePaapiKey, 'accessKey' | 'secretKey'>;
  marketplaceCode: string;
  operation: PaapiOperationName;
  body: unknown;
  signingDate?: Date;
  /** Sign for this region instead of the marketplace's. */
  region?: string;
  service?: string;
  /** Sent in x-amz-target instead of the operation's own. */
  target?: string;
  omitContentEncoding?: boolean;
  /** Sent instead of the signed body (to prove the signature covers it). */
  sendBody?: string;
}

export async function paapiCall(origin: string, call: PaapiCall): Promise<Answer> {
  const m = marketplace(call.marketplaceCode);
  const path = `/paapi5/${call.operation.toLowerCase()}`;
  const body = JSON.stringify(call.body);
  const headers: Record<string, string> = {
    host: m.paapiHost,
    'content-type': 'application/json; charset=utf-8',
    'x-amz-target': call.target ?? `com.amazon.paapi5.v1.ProductAdvertisingAPIv1.${call.operation}`,
  };
  if (!call.omitContentEncoding) headers['content-encoding'] = 'amz-1.0';
  const signer = new SignatureV4({
    service: call.service ?? 'ProductAdvertisingAPI',
    region: call.region ?? m.paapiRegion,
    credentials: { accessKeyId: call.key.accessKey, secretAccessKey: call.key.secretKey },
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(new HttpRequest({ method: 'POST', protocol: 'https:', hostname: m.paapiHost, path, headers, body }), {
    signingDate: call.signingDate ?? new Date(),
  });
  // fetch sends its own Host (the loopback origin); the fake recovers the signed host from the path.
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) if (name.toLowerCase() !== 'host') sent[name] = value;
  return answerOf(await fetch(`${origin}/${m.paapiHost}${path}`, { method: 'POST', headers: sent, body: call.sendBody ?? body }));
}
