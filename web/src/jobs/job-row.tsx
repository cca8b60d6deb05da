import type { JobView, ListedJobState } from '../api/job-types.js';
import { RelativeTime } from '../products/relative-time.js';
import { describeJobData, jobLabel } from './job-labels.js';

/** The time column names what matters for the chosen state. */
export const WHEN_HEADINGS: Record<ListedJobState, string> = { queued: 'Next run', running: 'Started', failed: 'Next attempt', dead: 'Finished' };

const whenOf = (job: JobView, state: ListedJobState): string | null =>
  state === 'running' ? job.startedAt : state === 'dead' ? (job.finishedAt ?? job.startedAt) : job.runAfter;

interface JobRowProps {
  job: JobView;
  state: ListedJobState;
  timeZone: string;
  now: number;
  retrying: boolean;
  onRetry(job: JobView): void;
}

export function JobRow({ job, state, timeZone, now, retrying, onRetry }: JobRowProps) {
  const about = describeJobData(job);
  const when = whenOf(job, state);
  const canRetry = job.state === 'failed' || job.state === 'dead';
  return (
    <tr className={`job-row is-${job.state}`} data-job-id={job.id}>
      <th scope="row" className="column-job">
        <strong>{jobLabel(job.name)}</strong>
        {jobLabel(job.name) !== job.name && <code className="job-name">{job.name}</code>}
      </th>
      <td className="column-about" data-label="About">
        {about || <span className="none">—</span>}
      </td>
      <td className="column-attempts" data-label="Attempts">
        {job.attempts} / {job.maxAttempts}
      </td>
      <td className="column-error" data-label="Last error">
        {job.lastError ? <span className="job-error">{job.lastError}</span> : <span className="none">—</span>}
      </td>
      <td className="column-created" data-label="Created">
        <RelativeTime iso={job.createdAt} timeZone={timeZone} now={now} past />
      </td>
      <td className="column-when" data-label={WHEN_HEADINGS[state]}>
        {when ? <RelativeTime iso={when} timeZone={timeZone} now={now} past={state === 'running' || state === 'dead'} due={state === 'queued' || state === 'failed'} /> : <span className="none">—</span>}
      </td>
      <td className="column-actions" data-label="Actions">
        {canRetry && (
          <button type="button" className="button button-small" onClick={() => onRetry(job)} disabled={retrying} aria-disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
            <span className="screen-reader-text"> {jobLabel(job.name)}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
