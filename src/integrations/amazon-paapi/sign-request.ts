import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Marketplace } from '../../domain/marketplaces/catalogue.js';
import type { PaapiCredential } from './paapi-credential.js';
import { operationTarget, operationUrl, PAAPI_SERVICE, type PaapiOperation } from './paapi-operations.js';

export interface SignRequestInput {
  credential: PaapiCredential;
  marketplace: Marketplace;
  operation: PaapiOperation;
  /** The exact JSON text that will be sent: the signature covers its SHA-256. */
  body: string;
  signingDate: Date;
}

export interface SignedRequest {
  /** The real Amazon URL the signature was computed for. */
  url: string;
  /** Every signed header plus `authorization`, lower-case, `host` included. */
  headers: Record<string, string>;
}

/**
 * Signs one PA-API call with AWS Signature V4 for the marketplace's real host and region.
 * `applyChecksum: false` keeps `x-amz-content-sha256` out, so the signed headers are the five
 * Amazon's own SDK signs and the signature matches it byte for byte.
 */
export async function signRequest(input: SignRequestInput): Promise<SignedRequest> {
  const url = operationUrl(input.marketplace.paapiHost, input.operation);
  const { hostname, pathname } = new URL(url);
  const signer = new SignatureV4({
    service: PAAPI_SERVICE,
    region: input.marketplace.paapiRegion,
    credentials: { accessKeyId: input.credential.accessKey, secretAccessKey: input.credential.secretKey },
    sha256: Sha256,
    applyChecksum: false,
  });
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname,
    path: pathname,
    headers: {
      host: hostname,
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'amz-1.0',
      'x-amz-target': operationTarget(input.operation),
    },
    body: input.body,
  });
  const signed = await signer.sign(request, { signingDate: input.signingDate });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return { url, headers };
}
