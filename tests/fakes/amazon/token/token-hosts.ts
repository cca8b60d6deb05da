import type { CredentialVersion } from '../../../../src/domain/marketplaces/catalogue.js';

export interface TokenHost {
  flavour: 'cognito' | 'lwa';
  version: CredentialVersion;
  path: string;
  scope: string;
  /** Cognito pools live in an AWS region; shown in the token's issuer. */
  awsRegion?: string;
}

/** The six token services of reference §1.2, by host. */
export const TOKEN_HOSTS: Readonly<Record<string, TokenHost>> = {
  'creatorsapi.auth.us-east-1.amazoncognito.com': { flavour: 'cognito', version: '2.1', path: '/oauth2/token', scope: 'creatorsapi/default', awsRegion: 'us-east-1' },
  'creatorsapi.auth.eu-south-2.amazoncognito.com': { flavour: 'cognito', version: '2.2', path: '/oauth2/token', scope: 'creatorsapi/default', awsRegion: 'eu-south-2' },
  'creatorsapi.auth.us-west-2.amazoncognito.com': { flavour: 'cognito', version: '2.3', path: '/oauth2/token', scope: 'creatorsapi/default', awsRegion: 'us-west-2' },
  'api.amazon.com': { flavour: 'lwa', version: '3.1', path: '/auth/o2/token', scope: 'creatorsapi::default' },
  'api.amazon.co.uk': { flavour: 'lwa', version: '3.2', path: '/auth/o2/token', scope: 'creatorsapi::default' },
  'api.amazon.co.jp': { flavour: 'lwa', version: '3.3', path: '/auth/o2/token', scope: 'creatorsapi::default' },
};
