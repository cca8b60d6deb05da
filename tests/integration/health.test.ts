import { describe, expect, it } from 'vitest';
import { openTestApp } from '../helpers/start-test-engine.js';

describe('GET /api/health', () => {
  it('answers 200 {"status":"ok"} once the database is migrated', async () => {
    const { app } = await openTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
