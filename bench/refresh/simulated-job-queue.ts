import type { JobQueue, JobState, JobView, SendOptions } from '../../src/domain/jobs/job-queue.js';

export interface QueuedJob {
  id: string;
  name: string;
  data: unknown;
  runAt: number;
  seq: number;
}

/**
 * The JobQueue port as a plain list the benchmark drains in `startAfter` order on its virtual
 * clock. The real SQLite queue polls and leases on real timers, so it cannot be driven through a
 * simulated day; the benchmark measures scheduling and pacing, not the queue.
 */
export class SimulatedJobQueue implements JobQueue {
  readonly kind = 'sqlite' as const;
  private readonly pending: QueuedJob[] = [];
  private seq = 0;
  sent = 0;

  constructor(private readonly now: () => number) {}

  register(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(name: string, data: unknown, options: SendOptions = {}): Promise<string> {
    const job: QueuedJob = { id: `job_${++this.seq}`, name, data, runAt: options.startAfter?.getTime() ?? this.now(), seq: this.seq };
    // Sorted by (runAt, seq); sends arrive mostly in order, so search from the end.
    let i = this.pending.length;
    while (i > 0 && this.pending[i - 1]!.runAt > job.runAt) i -= 1;
    this.pending.splice(i, 0, job);
    this.sent += 1;
    return job.id;
  }

  /** The next job due at or before `until`, removed from the queue. */
  takeDue(until: number): QueuedJob | undefined {
    const next = this.pending[0];
    if (!next || next.runAt > until) return undefined;
    return this.pending.shift();
  }

  peekTime(): number | undefined {
    return this.pending[0]?.runAt;
  }

  get size(): number {
    return this.pending.length;
  }

  async list(): Promise<JobView[]> {
    return [];
  }
  async counts(): Promise<Record<JobState, number>> {
    return { queued: this.pending.length, running: 0, failed: 0, dead: 0, done: 0 };
  }
  async get(): Promise<JobView | null> {
    return null;
  }
  async retry(): Promise<boolean> {
    return false;
  }
}
