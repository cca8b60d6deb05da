import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import type { JobView } from './job-queue.js';

/** "Retry" on the Jobs screen: a failed or dead job runs again now, with a fresh set of attempts. */
export async function retryJob(ctx: EngineContext, id: string, actor: string): Promise<{ job: JobView }> {
  const job = await ctx.jobs.get(id);
  if (!job) throw new AppError('not_found', 'No such job. Finished jobs are removed after a while.');
  if (job.state !== 'failed' && job.state !== 'dead') {
    throw new AppError('conflict', `Only a failed or dead job can be retried; this one is ${job.state}.`, { details: { state: job.state } });
  }
  if (!(await ctx.jobs.retry(id))) {
    throw new AppError('conflict', 'The job was not retried: it changed meanwhile, or another job with the same key is already waiting.');
  }
  ctx.logger.info({ job: id, name: job.name, actor }, 'job retried');
  return { job: (await ctx.jobs.get(id)) ?? job };
}
