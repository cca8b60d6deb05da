import { useId } from 'react';

interface UsageMeterProps {
  label: string;
  /** `null` when the amount is not known. */
  used: string | null;
  limit: string | null;
  /** After the limit, or after the amount when there is no limit: " tokens". */
  unit?: string;
  /** Share of the limit used (may exceed 1); null without a limit. */
  share: number | null;
}

/** "12,345 of 100,000 tokens (12 %)" with a bar that turns amber, then red, as the limit nears. */
export function UsageMeter({ label, used, limit, unit = '', share }: UsageMeterProps) {
  const labelId = useId();
  const percent = share === null ? null : Math.round(share * 100);
  return (
    <div className={share !== null && share >= 1 ? 'usage-meter is-exhausted' : 'usage-meter'}>
      <p className="usage-meter-text">
        <strong id={labelId}>{label}</strong>{' '}
        <span>
          {used === null ? 'unknown' : limit === null ? `${used}${unit} — no limit set` : `${used} of ${limit}${unit}`}
          {percent !== null && ` (${percent} %)`}
        </span>
      </p>
      {share !== null && <meter aria-labelledby={labelId} min={0} max={1} low={0.8} high={0.95} optimum={0} value={Math.min(share, 1)} />}
    </div>
  );
}
