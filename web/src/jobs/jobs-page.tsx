import { useCallback, useState } from 'react';
import { LISTED_JOB_STATES, type JobAnswer, type JobList, type JobView, type ListedJobState } from '../api/job-types.js';
import { Notice } from '../components/notice.js';
import { Wrap } from '../components/wrap.js';
import { hrefFor } from '../routing/hash-route.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { useLiveResource } from '../products/use-live-resource.js';
import { useNow } from '../products/use-now.js';
import { describeJobData, jobLabel } from './job-labels.js';
import { JobRow, WHEN_HEADINGS } from './job-row.js';

/** The list follows the queue this often while the page is visible. */
export const JOBS_POLL_MS = 5000;
const LIMIT = 50;

const STATE_LABELS: Record<ListedJobState, string> = { queued: 'Queued', running: 'Running', failed: 'Failed', dead: 'Dead' };
const EMPTY: Record<ListedJobState, string> = {
  queued: 'No job is waiting to run.',
  running: 'No job is running right now.',
  failed: 'No job is waiting for a retry.',
  dead: 'No job has run out of attempts.',
};

const readState = (value: string | null): ListedJobState => (LISTED_JOB_STATES as readonly string[]).includes(value ?? '') ? (value as ListedJobState) : 'queued';

/** `#/jobs?state=dead`: the background queue by state, with "Retry" for failed and dead jobs. */
export function JobsPage({ routeQuery }: { routeQuery: URLSearchParams }) {
  const api = useEngineApi();
  const { general } = useGeneralSettings();
  const timeZone = fieldText(general, 'timeZone');
  const state = readState(routeQuery.get('state'));
  const list = useLiveResource<JobList>(`jobs?state=${state}&limit=${LIMIT}`, useCallback(() => JOBS_POLL_MS, []));
  const now = useNow(15_000, list.data);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (job: JobView) => {
    setRetrying(job.id);
    const about = describeJobData(job);
    const name = `${jobLabel(job.name)}${about ? ` (${about})` : ''}`;
    try {
      await api<JobAnswer>(`jobs/${encodeURIComponent(job.id)}/retry`, { method: 'POST' });
      setMessage({ kind: 'success', text: `${name} is queued again.` });
    } catch (error) {
      setMessage({ kind: 'error', text: `${name} could not be retried: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setRetrying(null);
      list.reload();
    }
  };

  const counts = list.data?.counts ?? {};
  const jobs = list.data?.jobs.filter((job) => job.state === state) ?? null;
  return (
    <Wrap title="Jobs">
      <p className="screen-intro description">Background work of this engine: product refreshes and what comes after them. A job that fails is tried again; one that runs out of attempts is dead until you retry it.</p>
      {message && (
        <Notice kind={message.kind} onDismiss={() => setMessage(null)}>
          <p>{message.text}</p>
        </Notice>
      )}
      <ul className="subsubsub" aria-label="Jobs by state">
        {LISTED_JOB_STATES.map((view, index) => (
          <li key={view} className={`view-${view}`}>
            <a href={hrefFor(`/jobs?state=${view}`)} className={view === state ? 'current' : undefined} aria-current={view === state ? 'page' : undefined}>
              {STATE_LABELS[view]} <span className="count">({counts[view] ?? 0})</span>
            </a>
            {index < LISTED_JOB_STATES.length - 1 && <span className="separator" aria-hidden="true">|</span>}
          </li>
        ))}
      </ul>
      {list.error && (
        <Notice kind="error" className="inline">
          <p>The jobs could not be loaded: {list.error}</p>
        </Notice>
      )}
      {!jobs ? (
        !list.error && <p className="loading">Loading jobs…</p>
      ) : jobs.length === 0 ? (
        <p className="empty-state empty-list">{EMPTY[state]}</p>
      ) : (
        <div className="list-table-scroll">
          <table className="widefat striped job-table">
            <caption className="screen-reader-text">{STATE_LABELS[state]} jobs</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">About</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Created</th>
                <th scope="col">{WHEN_HEADINGS[state]}</th>
                <td>
                  <span className="screen-reader-text">Actions</span>
                </td>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <JobRow key={job.id} job={job} state={state} timeZone={timeZone} now={now} retrying={retrying === job.id} onRetry={(j) => void retry(j)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Wrap>
  );
}
