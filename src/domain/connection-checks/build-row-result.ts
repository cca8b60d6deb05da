import type { ProductSourceName } from '../products/product.js';
import type { SourceError } from '../products/source-error.js';
import type { AmazonApiMode } from '../settings/sections/amazon.js';
import { CAUSES, type CauseCode } from './cause-codes.js';
import type { CheckAttempt, CheckRowResult } from './check-run.js';
import { findFixField } from './find-fix-field.js';
import type { CheckTarget } from './list-check-targets.js';

const SOURCE_LABELS: Record<ProductSourceName, string> = { creators: 'Creators API', paapi: 'PA-API', relay: 'PassiveWP relay' };

export interface ProbeOutcome {
  source: ProductSourceName | null;
  tried: CheckAttempt[];
  error: SourceError | null;
}

/** Turns a probe's outcome into the row the user reads: status, cause, the plain message and the fix. */
export function buildRowResult(target: CheckTarget, mode: AmazonApiMode, outcome: ProbeOutcome, checkedAt: string): CheckRowResult {
  const { marketplace, partnerTag } = target;
  const { cause, message, fix } = explain(target, outcome);
  return {
    country: marketplace.code,
    marketplaceName: marketplace.name,
    domain: marketplace.domain,
    partnerTag,
    partnerTagFrom: target.partnerTagFrom,
    source: outcome.source,
    tried: outcome.tried,
    status: CAUSES[cause].severity,
    cause,
    message,
    fix,
    fixField: findFixField({ cause, source: outcome.source, mode, target, vendorCode: outcome.error?.vendorCode }),
    latencyMs: outcome.tried.reduce((sum, attempt) => sum + attempt.latencyMs, 0),
    checkedAt,
  };
}

function explain(target: CheckTarget, outcome: ProbeOutcome): { cause: CauseCode; message: string; fix: string } {
  const { error, source, tried } = outcome;
  if (error) {
    if (error.cause === 'throttled') {
      return { cause: 'throttled', message: `${error.message} The credentials look fine: Amazon answered, it only asked us to slow down.`, fix: error.fix };
    }
    return { cause: error.cause, message: error.message, fix: error.fix };
  }
  const { marketplace, partnerTag } = target;
  if (partnerTag && !partnerTag.endsWith(marketplace.tagSuffix)) {
    return {
      cause: 'tag_suffix_unusual',
      message: `Amazon accepted "${partnerTag}", but ${marketplace.name} tracking IDs usually end in "${marketplace.tagSuffix}".`,
      fix: CAUSES.tag_suffix_unusual.fix,
    };
  }
  const failed = tried.filter((attempt) => attempt.cause !== 'ok').map((attempt) => `${SOURCE_LABELS[attempt.source]} (${attempt.cause})`);
  const via = source ? ` Answered by the ${SOURCE_LABELS[source]}${failed.length ? ` after ${failed.join(', ')} failed` : ''}.` : '';
  return { cause: 'ok', message: `${CAUSES.ok.message}${via}`, fix: CAUSES.ok.fix };
}
