import { describe, expect, it } from 'vitest';
import type { IntegrationCheckRecord } from '../../src/domain/connection-checks/integration-check.js';
import type { DatabaseUpdateView } from '../../src/domain/geo/update-geo-database.js';
import { openTestEngine } from '../helpers/start-test-engine.js';

const check = (n: number, integration: 'openai' | 'geolocation'): IntegrationCheckRecord => ({
  id: `chk_${integration}_${n}`,
  integration,
  actor: 'test',
  startedAt: new Date(n * 1000).toISOString(),
  finishedAt: new Date(n * 1000 + 5).toISOString(),
  latencyMs: 5,
  status: 'ok',
  findings: [{ severity: 'ok', cause: 'ok', message: 'fine', fix: 'Nothing to do.', fixField: null }],
  details: { n },
  fingerprint: 'f',
});

describe('check and update history', () => {
  it('keeps the newest checks of each integration without touching the others', async () => {
    const { engine } = await openTestEngine();
    const store = engine.ctx.stores.integrationChecks;
    for (let n = 1; n <= 3; n++) await store.insert(check(n, 'geolocation'), 50);
    for (let n = 1; n <= 8; n++) await store.insert(check(n, 'openai'), 5);
    expect((await store.recent('openai', 100)).map((c) => c.details.n)).toEqual([8, 7, 6, 5, 4]);
    expect(await store.recent('geolocation', 100)).toHaveLength(3);
    expect((await store.recent('openai', 1))[0]).toEqual(check(8, 'openai'));
  });

  it('keeps the newest database updates', async () => {
    const { engine } = await openTestEngine();
    const store = engine.ctx.stores.geoUpdates;
    const update = (n: number): DatabaseUpdateView => ({ id: `u${n}`, actor: 'scheduler', startedAt: 'a', finishedAt: 'b', edition: 'GeoLite2-City', outcome: 'updated', finding: check(n, 'geolocation').findings[0]!, sha256: 'abc', buildDate: null });
    for (let n = 1; n <= 4; n++) await store.insert(update(n), 2);
    expect((await store.recent(10)).map((u) => u.id)).toEqual(['u4', 'u3']);
  });
});
