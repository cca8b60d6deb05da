import type { CauseCode } from '../../domain/connection-checks/cause-codes.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { parseRetryAfter } from '../amazon/parse-retry-after.js';
import type { HttpAnswer } from '../amazon/send-request.js';
import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';

/** The day Amazon switched PA-API 5.0 off (reference: amazon-apis.md §2.2). */
export const PAAPI_RETIRED_AT = Date.parse('2026-05-15T00:00:00Z');

/** What Amazon's front door says, since the retirement, to any signed request: it no longer knows the service. */
const RETIRED_TELL = /unable to determine service\/operation name/i;
/**
 * A refusal (401/403) that says in words that the API is gone — "The Product Advertising API has
 * been retired", "… is no longer available" — is the retirement, whatever code it carries. Only a
 * refusal of the whole request counts: a 400 about one retired resource (Offers V1) is not this.
 */
const RETIRED_WORDING = /\b(retired|retirement|decommissioned|discontinued|shut down|sunset)\b|\bno longer (available|supported|offered|in service|exists)\b/i;
const REFUSAL_STATUSES = new Set([401, 403]);

const RETIRED_MESSAGE =
  'Amazon retired PA-API 5.0 on 2026-05-15 and now refuses every request to it. Switch Amazon API Mode to Creators and enter Creators API credentials.';

const CAUSE_BY_CODE: Record<string, CauseCode> = {
  InvalidPartnerTag: 'partner_tag_invalid',
  InvalidAssociate: 'associate_invalid',
  AssociateNotEligible: 'not_eligible',
  UnrecognizedClient: 'credentials_invalid',
  InvalidSignature: 'credentials_invalid',
  IncompleteSignature: 'credentials_invalid',
  AccessDenied: 'credentials_invalid',
  AccessDeniedAwsUsers: 'credentials_invalid',
  RequestExpired: 'clock_skew',
  TooManyRequests: 'throttled',
  InvalidParameterValue: 'request_invalid',
  MissingParameter: 'request_invalid',
  UnknownOperation: 'request_invalid',
  InternalFailure: 'amazon_unavailable',
};

/** Exception names (`__type`) that stand for a code, for bodies that come without an `Errors` list. */
const CODE_BY_EXCEPTION: Record<string, string> = {
  AssociateValidation: 'InvalidAssociate',
  AssociateEligibility: 'AssociateNotEligible',
  Validation: 'InvalidParameterValue',
};

interface PaapiErrorBody {
  __type?: string;
  message?: string;
  Message?: string;
  Errors?: Array<{ Code?: string; Message?: string }>;
}

/**
 * Turns a PA-API error answer into our cause code (reference: amazon-apis.md §2.2). Amazon's own
 * code (`Errors[0].Code`, else the exception named in `__type`) decides; the status decides only
 * when the body names nothing we know.
 *
 * Telling retirement from bad keys: since 2026-05-15 Amazon answers 403 AccessDeniedException
 * "Unable to determine service/operation name to be authorized" — a message a live PA-API never
 * gave, so it is reported as endpoint_retired whatever the clock says; so is any 401/403 whose
 * message says the API was retired, whichever code (AccessDenied …) it comes with. Amazon has also been seen
 * answering 401 InvalidSignature to retired calls, but that is exactly what a wrong secret gets,
 * so the body cannot tell them apart: it stays credentials_invalid (the fix a user can act on if
 * this is a test server or Amazon's answer changes), and after the retirement date the message
 * says that PA-API is retired and that this failure most likely means just that.
 */
export function classifyPaapiError(answer: HttpAnswer, now: number): SourceError {
  const body = (isObject(answer.json) ? answer.json : {}) as PaapiErrorBody;
  const first = Array.isArray(body.Errors) ? body.Errors[0] : undefined;
  const said = first?.Message ?? body.message ?? body.Message;
  const vendorMessage = summarizeForeignText(said) || undefined;
  const code = first?.Code ?? codeFromType(body.__type);
  const vendor = { httpStatus: answer.status, vendorCode: summarizeForeignText(first?.Code ?? body.__type, [], 80) || undefined, vendorMessage };

  if (isRetirement(answer.status, said)) return sourceError('endpoint_retired', { ...vendor, message: RETIRED_MESSAGE });

  const cause: CauseCode | undefined = (code ? CAUSE_BY_CODE[code] : undefined) ?? causeFromStatus(answer.status);
  switch (cause) {
    case 'throttled':
      return sourceError('throttled', { ...vendor, retryAfterMs: parseRetryAfter(answer.headers.get('retry-after'), now) });
    case 'credentials_invalid':
      return sourceError('credentials_invalid', {
        ...vendor,
        message:
          now >= PAAPI_RETIRED_AT
            ? `Amazon rejected the PA-API keys (${vendor.vendorCode ?? answer.status}). Note that Amazon retired PA-API 5.0 on 2026-05-15, so this most likely means the API is gone rather than that the keys are wrong: switch Amazon API Mode to Creators.`
            : `Amazon rejected the PA-API Access Key or Secret Key (${vendor.vendorCode ?? answer.status}).`,
        fix:
          now >= PAAPI_RETIRED_AT
            ? 'Switch Amazon API Mode to Creators and enter Creators API credentials; PA-API keys no longer work anywhere.'
            : 'Copy the Access Key and Secret Key again from Associates Central → Tools → Product Advertising API; new keys can take up to 48 hours to work.',
      });
    case 'request_invalid':
      return sourceError('request_invalid', { ...vendor, message: `Amazon refused the request: ${vendorMessage ?? vendor.vendorCode ?? 'invalid request'}` });
    case undefined:
      return sourceError('unexpected_response', { ...vendor, message: `Amazon answered ${answer.status}${vendor.vendorCode ? ` (${vendor.vendorCode})` : ''}.` });
    default:
      return sourceError(cause, vendor);
  }
}

function isRetirement(status: number, message: unknown): boolean {
  if (typeof message !== 'string') return false;
  return RETIRED_TELL.test(message) || (REFUSAL_STATUSES.has(status) && RETIRED_WORDING.test(message));
}

/** `com.amazon.paapi5#InvalidSignatureException` → `InvalidSignature`. */
function codeFromType(type: unknown): string | undefined {
  if (typeof type !== 'string' || !type) return undefined;
  const name = (type.split('#').pop() ?? type).replace(/Exception$/, '');
  return CODE_BY_EXCEPTION[name] ?? name;
}

function causeFromStatus(status: number): CauseCode | undefined {
  if (status === 429) return 'throttled';
  if (status >= 500) return 'amazon_unavailable';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
