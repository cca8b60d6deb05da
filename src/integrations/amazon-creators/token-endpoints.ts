import type { CredentialVersion } from '../../domain/marketplaces/catalogue.js';

export interface TokenEndpoint {
  url: string;
  scope: string;
  /** 2.x credentials use Amazon Cognito (form body), 3.x Login with Amazon (JSON body). */
  flavour: 'cognito' | 'lwa';
}

/** The credential version alone picks the token endpoint: the SDKs do the same. */
export const TOKEN_ENDPOINTS: Record<CredentialVersion, TokenEndpoint> = {
  '2.1': { url: 'https://creatorsapi.auth.us-east-1.amazoncognito.com/oauth2/token', scope: 'creatorsapi/default', flavour: 'cognito' },
  '2.2': { url: 'https://creatorsapi.auth.eu-south-2.amazoncognito.com/oauth2/token', scope: 'creatorsapi/default', flavour: 'cognito' },
  '2.3': { url: 'https://creatorsapi.auth.us-west-2.amazoncognito.com/oauth2/token', scope: 'creatorsapi/default', flavour: 'cognito' },
  '3.1': { url: 'https://api.amazon.com/auth/o2/token', scope: 'creatorsapi::default', flavour: 'lwa' },
  '3.2': { url: 'https://api.amazon.co.uk/auth/o2/token', scope: 'creatorsapi::default', flavour: 'lwa' },
  '3.3': { url: 'https://api.amazon.co.jp/auth/o2/token', scope: 'creatorsapi::default', flavour: 'lwa' },
};

export const CREATORS_API_ORIGIN = 'https://creatorsapi.amazon';

/** v2.x tokens must name their version in the header; v3.x tokens must not. */
export function authorizationHeader(token: string, version: CredentialVersion): string {
  return version.startsWith('2.') ? `Bearer ${token}, Version ${version}` : `Bearer ${token}`;
}
