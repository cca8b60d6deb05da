import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SLOW_JOB, SLOW_POLICY } from '../fixtures/jobs/slow-job.js';
import { QUEUE_TARGETS, waitFor, waitForState } from '../helpers/job-queue-targets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKER = path.join(ROOT, 'tests/fixtures/jobs/run-slow-worker.ts');

describe.each(QUEUE_TARGETS)('a worker process killed mid-job, on $kind', (target) => {
  it.skipIf(target.skip !== undefined)('loses the job once its lease expires: another engine runs it to the end', async () => {
    const store = await target.open();
    const queue = store.openQueue();
    const attempts: number[] = [];
    queue.register(SLOW_JOB, SLOW_POLICY, async (job) => {
      attempts.push(job.attempt);
    });
    const id = (await queue.send(SLOW_JOB, { productIds: ['prd_1'] }))!;

    const scratch = mkdtempSync(path.join(tmpdir(), 'passivewp-kill-'));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const marker = path.join(scratch, 'started');
    const worker = spawn(process.execPath, ['--import', 'tsx', WORKER, target.kind, store.location, marker], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(worker, 'exit');
    onTestFinished(() => void (worker.exitCode === null && worker.signalCode === null && worker.kill('SIGKILL')));
    let output = '';
    worker.stdout.on('data', (chunk) => (output += String(chunk)));
    worker.stderr.on('data', (chunk) => (output += String(chunk)));

    await waitFor('the worker process to start the job', () => {
      if (worker.exitCode !== null) throw new Error(`the worker process exited (${worker.exitCode}): ${output}`);
      return existsSync(marker) && readFileSync(marker, 'utf8') === id;
    });
    expect((await queue.get(id))?.state).toBe('running');
    worker.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');

    // This engine only starts working now: the job is still leased by the dead process until its lease expires.
    await queue.start();
    const done = await waitForState(queue, id, 'done');
    expect(attempts).toEqual([2]);
    expect(done).toMatchObject({ attempts: 2, lastError: null });
    expect((await queue.counts()).running).toBe(0);
  });
});
