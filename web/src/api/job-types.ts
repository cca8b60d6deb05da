import type { JobState, JobView } from '../../../src/domain/jobs/job-queue.js';

export type { JobState, JobView };

/** The states the Jobs screen lists, one filter link each (done jobs are only counted). */
export const LISTED_JOB_STATES = ['queued', 'running', 'failed', 'dead'] as const;
export type ListedJobState = (typeof LISTED_JOB_STATES)[number];

/** `GET /api/jobs?state=&limit=` */
export interface JobList {
  jobs: JobView[];
  counts: Partial<Record<JobState, number>>;
}

/** `POST /api/jobs/:id/retry` */
export interface JobAnswer {
  job: JobView;
}
