import { useId } from 'react';
import type { AiUsageView } from '../api/openai-types.js';
import { CheckDetailsList } from '../checks/check-details-list.js';
import { Notice } from '../components/notice.js';
import { hrefFor } from '../routing/hash-route.js';
import { useApiResource } from '../session/use-api-resource.js';
import { UsageMeter } from './usage-meter.js';

const tokens = (n: number) => n.toLocaleString('en');
/** Cents, except for the fractions of a cent a few checks cost, which would otherwise read as $0.00. */
const usd = (n: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', ...(n > 0 && n < 0.01 ? { maximumSignificantDigits: 2 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }).format(n);
const utcDay = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(new Date(iso));

interface AiUsagePanelProps {
  /** Changes after each save (new limits) and each check (its tokens count too). */
  refreshKey: number;
  onFocusField: (path: string) => void;
}

/** "Usage this month": tokens and estimated cost against the limits AI features respect, and when they reset. */
export function AiUsagePanel({ refreshKey, onFocusField }: AiUsagePanelProps) {
  const headingId = useId();
  const { load } = useApiResource<AiUsageView>('openai/usage', refreshKey);
  return (
    <section className="check-panel usage-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Usage this month</h2>
      {load.status === 'loading' && <p className="loading">Loading this month’s usage…</p>}
      {load.status === 'failed' && (
        <Notice kind="error" className="inline">
          <p>The usage could not be loaded: {load.message}</p>
        </Notice>
      )}
      {load.status === 'ready' && <UsageFigures usage={load.data} onFocusField={onFocusField} />}
    </section>
  );
}

function UsageFigures({ usage, onFocusField }: { usage: AiUsageView; onFocusField: (path: string) => void }) {
  const resets = utcDay(usage.resetsAt, { month: 'short', day: 'numeric' });
  const limitField = (usage.used.tokens ?? 0) >= 1 ? 'monthlyTokenLimit' : 'monthlyCostLimit';
  return (
    <>
      <p className="description">
        Everything PassiveWP asked OpenAI in {utcDay(`${usage.month}-01T00:00:00Z`, { month: 'long', year: 'numeric' })}, connection checks included. Resets on {resets}.
      </p>
      {usage.exhausted && (
        <Notice kind="warning" className="inline">
          <p>
            <strong>This month’s limit is reached.</strong> AI features pause until {resets}.{' '}
            <a
              href={hrefFor(`/settings/openai?focus=${limitField}`)}
              onClick={(event) => {
                event.preventDefault();
                onFocusField(limitField);
              }}
            >
              Raise the limit
            </a>
          </p>
        </Notice>
      )}
      <UsageMeter label="Tokens" unit=" tokens" used={tokens(usage.totalTokens)} limit={usage.limits.tokens === null ? null : tokens(usage.limits.tokens)} share={usage.used.tokens} />
      <UsageMeter
        label="Estimated cost"
        used={usage.costUsd === null ? null : usd(usage.costUsd)}
        limit={usage.limits.costUsd === null ? null : usd(usage.limits.costUsd)}
        share={usage.used.costUsd}
      />
      {usage.costUsd === null && <p className="description">A model without a known price was used: enter its prices per million tokens above to estimate the cost.</p>}
      <CheckDetailsList
        label="Usage details"
        entries={[
          { label: 'Requests', value: usage.requests.toLocaleString('en') },
          { label: 'Input tokens', value: usage.inputTokens.toLocaleString('en') },
          { label: 'Output tokens', value: usage.outputTokens.toLocaleString('en') },
          { label: 'Resets on', value: utcDay(usage.resetsAt, { month: 'short', day: 'numeric', year: 'numeric' }) },
        ]}
      />
    </>
  );
}
