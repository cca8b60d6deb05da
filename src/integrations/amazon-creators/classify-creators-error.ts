import type { Marketplace } from '../../domain/marketplaces/catalogue.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import type { HttpAnswer } from '../amazon/send-request.js';
import { parseRetryAfter } from '../amazon/parse-retry-after.js';
import type { CreatorsCredential } from './creators-credential.js';
import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';

interface CreatorsErrorBody {
  type?: string;
  message?: string;
  reason?: string;
  fieldList?: Array<{ name?: string; message?: string }>;
}

/** Turns a non-200 catalog answer into our cause code (reference: amazon-apis.md §1.9). */
export function classifyCreatorsError(answer: HttpAnswer, credential: CreatorsCredential, marketplace: Marketplace): SourceError {
  const body = (isObject(answer.json) ? answer.json : {}) as CreatorsErrorBody;
  const vendorCode = summarizeForeignText(body.reason ?? body.type, [], 60) || undefined;
  const said = summarizeForeignText(body.message) || undefined;
  const vendor = { httpStatus: answer.status, vendorCode, vendorMessage: said };
  const regionMismatch = !marketplace.creatorsVersions.includes(credential.version);
  switch (answer.status) {
    case 400:
      if (body.reason === 'InvalidPartnerTag') return sourceError('partner_tag_invalid', vendor);
      if (body.reason === 'InvalidAssociate') return sourceError('associate_invalid', vendor);
      return sourceError('request_invalid', { ...vendor, message: `Amazon refused the request: ${summarizeForeignText(describeRefusal(body))}` });
    case 401:
    case 403:
      if (body.reason === 'AssociateNotEligible') return sourceError('not_eligible', vendor);
      // Amazon does not say "wrong region"; when the version cannot serve this store, that is the likely cause.
      if (regionMismatch) {
        return sourceError('credential_region_mismatch', {
          ...vendor,
          message: `Credential version ${credential.version} serves the ${versionRegion(credential)} region, but ${marketplace.name} is in ${marketplace.region}, and Amazon refused it.`,
        });
      }
      return sourceError('credentials_invalid', vendor);
    case 429:
      return sourceError('throttled', { ...vendor, retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')) });
    default:
      if (answer.status >= 500) return sourceError('amazon_unavailable', vendor);
      return sourceError('unexpected_response', { ...vendor, message: `Amazon answered ${answer.status}${vendorCode ? ` (${vendorCode})` : ''}.` });
  }
}

function versionRegion(credential: CreatorsCredential): string {
  return { '1': 'NA', '2': 'EU', '3': 'FE' }[credential.version.slice(-1)] ?? 'unknown';
}

function describeRefusal(body: CreatorsErrorBody): string {
  const fields = Array.isArray(body.fieldList) ? body.fieldList.map((f) => `${f?.name}: ${f?.message}`).join('; ') : '';
  return `${body.message ?? 'invalid request'}${fields ? ` (${fields})` : ''}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
