import { z } from 'zod';
import type { EngineContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { JOB_STATES, type JobState, type JobView } from './job-queue.js';

export const listJobsQuery = z.object({
  state: z.enum(JOB_STATES, { error: `Choose one of: ${JOB_STATES.join(', ')}.` }).optional(),
  limit: z.coerce.number({ error: 'Enter a number.' }).int({ error: 'Enter a whole number.' }).min(1, { error: 'From 1 to 500.' }).max(500, { error: 'From 1 to 500.' }).default(50),
});

export interface JobList {
  /** Newest first. */
  jobs: JobView[];
  /** Per state, over all jobs (not only the listed ones). */
  counts: Record<JobState, number>;
}

/** The Jobs screen: the newest jobs (of one state, when asked) and how many there are in each state. */
export async function listJobs(ctx: EngineContext, input: unknown): Promise<JobList> {
  const { state, limit } = parseInput(listJobsQuery, input, 'Bad job filter');
  const [jobs, counts] = await Promise.all([ctx.jobs.list({ ...(state ? { states: [state] } : {}), limit }), ctx.jobs.counts()]);
  return { jobs, counts };
}
