import { header, isRecord, type FakeRequest } from '../http.js';

export interface TokenRequestFields {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  /** How the client authenticated: body fields or an HTTP Basic header. */
  clientAuth: 'body' | 'basic' | 'none';
  /** Basic and body named different clients: an OAuth2 server refuses that outright. */
  conflicting: boolean;
}

/** Reads the OAuth2 fields from a JSON or form body and, if present, HTTP Basic client credentials. */
export function parseTokenRequest(request: FakeRequest): TokenRequestFields {
  const text = request.rawBody.toString('utf8');
  const contentType = header(request, 'content-type') ?? '';
  const fields = new Map<string, string>();
  if (contentType.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') fields.set(key, value);
    } catch {
      // A broken JSON body is treated like an empty one: the missing grant type is reported.
    }
  } else {
    for (const [key, value] of new URLSearchParams(text)) fields.set(key, value);
  }

  const basic = parseBasic(header(request, 'authorization'));
  const bodyId = fields.get('client_id');
  const conflicting = basic !== undefined && bodyId !== undefined && bodyId !== basic.id;
  const clientId = basic?.id ?? bodyId;
  const clientSecret = basic?.secret ?? fields.get('client_secret');
  return {
    ...(fields.has('grant_type') ? { grantType: fields.get('grant_type') } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    ...(fields.has('scope') ? { scope: fields.get('scope') } : {}),
    clientAuth: basic ? 'basic' : bodyId !== undefined ? 'body' : 'none',
    conflicting,
  };
}

function parseBasic(value: string | undefined): { id: string; secret: string } | undefined {
  const match = value?.match(/^Basic\s+(\S+)$/i);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-encoded before being joined.
  return { id: safeDecode(decoded.slice(0, colon)), secret: safeDecode(decoded.slice(colon + 1)) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
