import { describe, expect, it } from 'vitest';
import type { JobList } from '../../src/domain/jobs/list-jobs.js';
import type { JobPolicy, JobView } from '../../src/domain/jobs/job-queue.js';
import { waitForState } from '../helpers/job-queue-targets.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';

const policy: JobPolicy = { concurrency: 1, leaseSeconds: 5, retryLimit: 0, retryDelaySeconds: 1 };

/** An engine whose queue runs two test jobs: `ok` succeeds, `broken` fails until it is mended. */
async function engineWithJobs(): Promise<AdminApp & { mend(): void; done: string; dead: string }> {
  const admin = await openAdminApp();
  const jobs = admin.engine.ctx.jobs;
  let broken = true;
  jobs.register('ok', policy, async () => undefined);
  jobs.register('broken', policy, async () => {
    if (broken) throw new Error('the upstream refused');
  });
  await jobs.start();
  const done = (await jobs.send('ok', { productIds: ['prd_1'] }))!;
  await waitForState(jobs, done, 'done');
  const dead = (await jobs.send('broken', { productIds: ['prd_2'] }))!;
  await waitForState(jobs, dead, 'dead');
  return Object.assign(admin, { mend: () => (broken = false), done, dead });
}

describe('GET /api/jobs and POST /api/jobs/:id/retry', () => {
  it('lists jobs newest first with counts per state, filtered by state and limited', async () => {
    const admin = await engineWithJobs();
    const all = await admin.get<JobList>('/api/jobs');
    expect(all.jobs.map((job) => [job.id, job.state])).toEqual([
      [admin.dead, 'dead'],
      [admin.done, 'done'],
    ]);
    expect(all.counts).toEqual({ queued: 0, running: 0, failed: 0, dead: 1, done: 1 });
    expect(all.jobs[0]).toMatchObject({ name: 'broken', data: { productIds: ['prd_2'] }, attempts: 1, maxAttempts: 1, lastError: 'the upstream refused' });

    const dead = await admin.get<JobList>('/api/jobs?state=dead');
    expect(dead.jobs.map((job) => job.id)).toEqual([admin.dead]);
    expect(dead.counts.done).toBe(1);
    expect((await admin.get<JobList>('/api/jobs?limit=1')).jobs.map((job) => job.id)).toEqual([admin.dead]);
    expect((await admin.get<JobList>('/api/jobs?state=queued')).jobs).toEqual([]);
  });

  it('refuses a bad filter with a message per field, and changes nothing', async () => {
    const admin = await engineWithJobs();
    const before = await admin.get<JobList>('/api/jobs');
    const response = await admin.call('GET', '/api/jobs?state=stuck&limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      fields: [
        { field: 'state', message: expect.stringContaining('queued, running, failed, dead, done') },
        { field: 'limit', message: 'From 1 to 500.' },
      ],
    });
    expect(await admin.get<JobList>('/api/jobs')).toEqual(before);
  });

  it('retries a dead job: it runs again with a fresh set of attempts', async () => {
    const admin = await engineWithJobs();
    admin.mend();
    const response = await admin.call('POST', `/api/jobs/${admin.dead}/retry`);
    expect(response.statusCode, response.body).toBe(200);
    const { job } = response.json<{ job: JobView }>();
    expect(job.id).toBe(admin.dead);
    expect(['queued', 'running', 'done']).toContain(job.state);
    const done = await waitForState(admin.engine.ctx.jobs, admin.dead, 'done');
    expect(done).toMatchObject({ attempts: 1, lastError: null });
  });

  it('answers not_found for an unknown job and conflict for one that is not failed or dead', async () => {
    const admin = await engineWithJobs();
    const unknown = await admin.call('POST', '/api/jobs/00000000-0000-4000-8000-000000000000/retry');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    expect((await admin.call('POST', '/api/jobs/not-a-job/retry')).statusCode).toBe(404);

    const done = await admin.call('POST', `/api/jobs/${admin.done}/retry`);
    expect(done.statusCode).toBe(409);
    expect(done.json()).toMatchObject({ code: 'conflict', state: 'done' });
    expect((await admin.engine.ctx.jobs.get(admin.done))?.state).toBe('done');
  });

  it('requires a session, and the CSRF token to retry', async () => {
    const admin = await engineWithJobs();
    expect((await admin.app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(401);
    const anonymous = await admin.app.inject({ method: 'POST', url: `/api/jobs/${admin.dead}/retry` });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await admin.app.inject({ method: 'POST', url: `/api/jobs/${admin.dead}/retry`, headers: { cookie: admin.auth.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await admin.engine.ctx.jobs.get(admin.dead))?.state).toBe('dead');
  });
});
