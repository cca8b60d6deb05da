import { describe, expect, it } from 'vitest';
import { RetryableRefreshError } from '../../src/domain/products/refresh-product-batch.js';
import { describeJobError } from '../../src/jobs/queues/describe-job-error.js';

describe('the last error a job leaves for the Jobs screen', () => {
  it('names unexpected errors by their class, lets anticipated ones speak for themselves', () => {
    expect(describeJobError(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(describeJobError(new Error('plain'))).toBe('plain');
    expect(describeJobError(new RetryableRefreshError('amazon_unavailable', 'Amazon answered 503.'))).toBe('amazon_unavailable: Amazon answered 503.');
  });

  it('is one short line without credentials in URLs', () => {
    const text = describeJobError(new Error(`connect to postgres://app:s3cret@db:5432/x failed\n  at somewhere ${'y'.repeat(600)}`));
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThanOrEqual(500);
  });
});
