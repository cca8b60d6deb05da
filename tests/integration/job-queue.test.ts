import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrateDatabase } from '../../src/db/migrate-database.js';
import { openDatabase } from '../../src/db/open-database.js';
import type { JobPolicy } from '../../src/domain/jobs/job-queue.js';
import { createSqliteJobQueue } from '../../src/jobs/queues/create-sqlite-job-queue.js';
import { QUEUE_TARGETS, quietLogger, waitFor, waitForState } from '../helpers/job-queue-targets.js';

/** The contract of the JobQueue port, on the SQLite lease table and on pg-boss (when PostgreSQL is available). */

const policy = (overrides: Partial<JobPolicy> = {}): JobPolicy => ({ concurrency: 1, leaseSeconds: 5, retryLimit: 2, retryDelaySeconds: 1, ...overrides });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe.each(QUEUE_TARGETS)('job queue on $kind', (target) => {
  const test = it.skipIf(target.skip !== undefined);

  test('runs a job once, with its data, and records it done', async () => {
    const store = await target.open();
    const queue = store.openQueue();
    const seen: unknown[] = [];
    queue.register<{ productIds: string[] }>('echo', policy(), async (job) => {
      seen.push({ data: job.data, attempt: job.attempt });
    });
    await queue.start();
    const id = await queue.send('echo', { productIds: ['prd_1'] });
    expect(id).toEqual(expect.any(String));

    const done = await waitForState(queue, id!, 'done');
    await sleep(300);
    expect(seen).toEqual([{ data: { productIds: ['prd_1'] }, attempt: 1 }]);
    expect(done).toMatchObject({ id, name: 'echo', data: { productIds: ['prd_1'] }, attempts: 1, maxAttempts: 3, lastError: null });
    expect(done.finishedAt).not.toBeNull();
  });

  test('refuses to send a job name that was never registered', async () => {
    const queue = (await target.open()).openQueue();
    await expect(queue.send('nobody-runs-this', {})).rejects.toThrow(/not registered/);
  });

  test('runs at most `concurrency` handlers of a name at once', async () => {
    const queue = (await target.open()).openQueue();
    let inFlight = 0;
    let most = 0;
    queue.register('slow', policy({ concurrency: 2 }), async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(150);
      inFlight -= 1;
    });
    const ids = await Promise.all(Array.from({ length: 6 }, (_, n) => queue.send('slow', { n })));
    await queue.start();
    for (const id of ids) await waitForState(queue, id!, 'done');
    expect(most).toBe(2);
  });

  test('retries a failing job with a growing delay, then buries it with its last error', async () => {
    const queue = (await target.open()).openQueue();
    const startedAt: number[] = [];
    queue.register('flaky', policy({ retryLimit: 2, retryDelaySeconds: 1 }), async (job) => {
      startedAt.push(Date.now());
      throw new Error(`attempt ${job.attempt} failed: could not reach postgres://user:hunter2@db.internal/passivewp\n    at somewhere (file.ts:1:1)`);
    });
    await queue.start();
    const id = (await queue.send('flaky', { productIds: ['prd_1'] }))!;

    const failed = await waitForState(queue, id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, maxAttempts: 3 });
    expect(failed.lastError).toContain('attempt 1 failed');
    const dead = await waitForState(queue, id, 'dead');
    expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3 });
    expect(dead.lastError).toContain('attempt 3 failed');
    // A short message: no password, no stack.
    expect(dead.lastError).not.toContain('hunter2');
    expect(dead.lastError).not.toContain('\n');
    expect(startedAt).toHaveLength(3);
    // 1 s before the first retry, 2 s before the second (pg-boss adds jitter on top).
    expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(950);
    expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(1950);
  });

  test('retry brings a dead job back with a fresh set of attempts, and it runs', async () => {
    const queue = (await target.open()).openQueue();
    let broken = true;
    queue.register('once-broken', policy({ retryLimit: 0 }), async () => {
      if (broken) throw new Error('the upstream was down');
    });
    await queue.start();
    const id = (await queue.send('once-broken', {}))!;
    const dead = await waitForState(queue, id, 'dead');
    expect(dead).toMatchObject({ attempts: 1, maxAttempts: 1, lastError: 'the upstream was down' });

    broken = false;
    expect(await queue.retry(id)).toBe(true);
    const done = await waitForState(queue, id, 'done');
    expect(done).toMatchObject({ attempts: 1, lastError: null });
    // Only failed and dead jobs can be retried.
    expect(await queue.retry(id)).toBe(false);
    expect(await queue.retry('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(await queue.retry('not-an-id')).toBe(false);
  });

  test('a singleton key sent twice while the first is waiting gives one job', async () => {
    const queue = (await target.open()).openQueue();
    queue.register('cycle', policy(), async () => undefined);
    queue.register('other', policy(), async () => undefined);
    const first = await queue.send('cycle', {}, { singletonKey: 'refresh' });
    const second = await queue.send('cycle', {}, { singletonKey: 'refresh' });
    // The key belongs to the name: another job name may use it.
    const other = await queue.send('other', {}, { singletonKey: 'refresh' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    expect((await queue.list({ name: 'cycle', limit: 10 })).map((job) => job.id)).toEqual([first]);

    // Once it is done, the key is free again.
    await queue.start();
    await waitForState(queue, first!, 'done');
    const third = await queue.send('cycle', {}, { singletonKey: 'refresh' });
    expect(third).toEqual(expect.any(String));
    expect(third).not.toBe(first);
  });

  test('list and counts report every state, newest first, with filters', async () => {
    const queue = (await target.open()).openQueue();
    const hold = gate();
    queue.register('ok', policy(), async () => undefined);
    queue.register('doomed', policy({ retryLimit: 0 }), async () => {
      throw new Error('refused');
    });
    queue.register('again-later', policy({ retryLimit: 1, retryDelaySeconds: 600 }), async () => {
      throw new Error('try later');
    });
    queue.register('busy', policy(), () => hold.opened);
    await queue.start();

    const done = (await queue.send('ok', { n: 1 }))!;
    await waitForState(queue, done, 'done');
    const dead = (await queue.send('doomed', { n: 2 }))!;
    await waitForState(queue, dead, 'dead');
    const failed = (await queue.send('again-later', { n: 3 }))!;
    await waitForState(queue, failed, 'failed');
    const running = (await queue.send('busy', { n: 4 }))!;
    await waitForState(queue, running, 'running');
    const queued = (await queue.send('ok', { n: 5 }, { startAfter: new Date(Date.now() + 3_600_000) }))!;

    expect(await queue.counts()).toEqual({ queued: 1, running: 1, failed: 1, dead: 1, done: 1 });
    expect((await queue.list({ limit: 10 })).map((job) => [job.id, job.state])).toEqual([
      [queued, 'queued'],
      [running, 'running'],
      [failed, 'failed'],
      [dead, 'dead'],
      [done, 'done'],
    ]);
    expect((await queue.list({ states: ['failed', 'dead'], limit: 10 })).map((job) => job.id)).toEqual([failed, dead]);
    expect((await queue.list({ name: 'ok', limit: 10 })).map((job) => job.id)).toEqual([queued, done]);
    expect((await queue.list({ limit: 2 })).map((job) => job.id)).toEqual([queued, running]);
    const waiting = await queue.get(failed);
    expect(Date.parse(waiting!.runAfter)).toBeGreaterThan(Date.now() + 60_000);
    expect(await queue.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    hold.open();
  });

  test('a job whose worker stopped renewing its lease runs again on another queue instance', async () => {
    const store = await target.open();
    // The first engine's handler never finishes and its engine stops past the deadline (as if it were killed):
    // its lease is no longer renewed.
    const first = store.openQueue({ stopTimeoutMs: 100 });
    const started = gate();
    first.register('stuck', policy({ leaseSeconds: 1, retryLimit: 2, retryDelaySeconds: 1 }), () => {
      started.open();
      return new Promise<void>(() => undefined);
    });
    await first.start();
    const id = (await first.send('stuck', { n: 1 }))!;
    await started.opened;
    await first.stop();

    const second = store.openQueue();
    const attempts: number[] = [];
    second.register('stuck', policy({ leaseSeconds: 1, retryLimit: 2, retryDelaySeconds: 1 }), async (job) => {
      attempts.push(job.attempt);
    });
    await second.start();
    const done = await waitForState(second, id, 'done');
    expect(attempts).toEqual([2]);
    expect(done.attempts).toBe(2);
    expect((await second.counts()).running).toBe(0);
  });

  test('a live worker keeps its lease past leaseSeconds: a slow job runs once', async () => {
    const store = await target.open();
    const queues = [store.openQueue(), store.openQueue()];
    let runs = 0;
    for (const queue of queues) {
      queue.register('long', policy({ leaseSeconds: 1 }), async () => {
        runs += 1;
        await sleep(2500);
      });
    }
    const id = (await queues[0]!.send('long', {}))!;
    await Promise.all(queues.map((queue) => queue.start()));
    const done = await waitForState(queues[0]!, id, 'done');
    expect(runs).toBe(1);
    expect(done.attempts).toBe(1);
  });

  test('stop() waits for a running handler; a queue that never started stops cleanly', async () => {
    const store = await target.open();
    const idle = store.openQueue();
    idle.register('noop', policy(), async () => undefined);
    await idle.stop();
    await idle.stop();

    const queue = store.openQueue();
    const started = gate();
    let finished = false;
    queue.register('slow', policy(), async () => {
      started.open();
      await sleep(400);
      finished = true;
    });
    await queue.start();
    const id = (await queue.send('slow', {}))!;
    await started.opened;
    await queue.stop();
    expect(finished).toBe(true);
    const reader = store.openQueue();
    expect((await reader.get(id))?.state).toBe('done');
    await waitFor('nothing running', async () => (await reader.counts()).running === 0);
  });
});

describe('the SQLite queue', () => {
  const test = it.skipIf(QUEUE_TARGETS[0]!.skip !== undefined);

  test('takes its times from the injected clock and keeps only the newest done jobs', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'passivewp-jobs-'));
    const { db } = openDatabase({ dataDir });
    await migrateDatabase(db, 'sqlite');
    let now = new Date('2030-01-01T00:00:00.000Z');
    const queue = createSqliteJobQueue({ db, logger: quietLogger, now: () => now, pollMs: 50, keepDone: 2 });
    onTestFinished(async () => {
      await queue.stop();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });
    let failing = true;
    queue.register('ok', policy(), async () => undefined);
    queue.register('later', policy({ retryLimit: 1, retryDelaySeconds: 3600 }), async () => {
      if (failing) throw new Error('not yet');
    });
    await queue.start();

    const failed = (await queue.send('later', {}))!;
    const waiting = await waitForState(queue, failed, 'failed');
    expect(waiting.runAfter).toBe('2030-01-01T01:00:00.000Z');
    // An hour later on the injected clock, the retry runs.
    failing = false;
    now = new Date('2030-01-01T01:00:00.000Z');
    await waitForState(queue, failed, 'done');

    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      ids.push((await queue.send('ok', { n }))!);
      await waitForState(queue, ids[n]!, 'done');
    }
    expect((await queue.list({ states: ['done'], limit: 10 })).map((job) => job.id)).toEqual([ids[2], ids[1]]);
  });
});
