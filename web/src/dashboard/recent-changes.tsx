import { useEffect, useState } from 'react';
import type { AuditEntry } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { describeAuditEntry } from './describe-audit-entry.js';
import { formatWhen } from './format-when.js';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; entries: AuditEntry[] };

/** The last ten entries of the audit log: when, who, which section and which fields. */
export function RecentChanges({ timeZone }: { timeZone: string }) {
  const api = useEngineApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    api<{ entries: AuditEntry[] }>('audit-log?limit=10').then(
      ({ entries }) => current && setLoad({ status: 'ready', entries }),
      (error: unknown) => current && setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  if (load.status === 'loading') return <p className="loading">Loading recent changes…</p>;
  if (load.status === 'failed') {
    return (
      <Notice kind="error" className="inline">
        <p>Recent changes could not be loaded: {load.message}</p>
      </Notice>
    );
  }
  if (load.entries.length === 0) return <p className="empty-state">No changes yet. Settings you save will be listed here.</p>;
  return (
    <ul className="activity-list">
      {load.entries.map((entry) => {
        const { title, keys } = describeAuditEntry(entry);
        return (
          <li key={entry.id}>
            <p className="activity-title">
              <strong>{title}</strong>
              {keys.length > 0 && <span className="activity-keys">: {keys.join(', ')}</span>}
            </p>
            <p className="activity-meta">
              <time dateTime={entry.at}>{formatWhen(entry.at, timeZone)}</time> · by {entry.actor}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
