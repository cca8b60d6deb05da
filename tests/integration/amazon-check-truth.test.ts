import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckRowResult } from '../../src/domain/connection-checks/check-run.js';
import { runAmazonCheck } from '../../src/domain/connection-checks/run-amazon-check.js';
import { runScheduledCheck } from '../../src/domain/connection-checks/run-scheduled-check.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { creatorsSettings, EU, openCheckEngine, PAAPI, row, type CheckEngine } from './amazon-check-setup.js';

/** A second EU credential the fake knows, for a marketplace row's own credentials. */
const ROW_CREDENTIAL = { id: 'amzn1.application-oa2-client.checkrow0001', secret: 'amzn1.oa2-cs.v1.check-row-secret-0001', version: '3.2', partnerTags: { uk: ['rowtag-21'] } } as const;
const WRONG = 'amzn1.oa2-cs.v1.a-secret-typed-wrong-0001';

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [EU, ROW_CREDENTIAL], paapiKeys: [PAAPI], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  fake.state.setScenario({ overrides: [], latencyMs: 0, paapiRetired: false });
});

const threeRows = { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'mytag-21'), row('fr', 'mytag-21')] };
const tokenRequests = () => fake.state.requestsTo('/auth/o2/token').length;
const causes = (rows: Record<string, CheckRowResult> | CheckRowResult[]) =>
  Object.fromEntries((Array.isArray(rows) ? rows : Object.values(rows)).map((r) => [r.country, r.cause]));

/** A save as the admin screen makes it: PUT /api/settings/amazon with the session and its CSRF token. */
async function saveFromScreen(engine: CheckEngine, values: Record<string, unknown>): Promise<void> {
  const response = await engine.app.inject({ method: 'PUT', url: '/api/settings/amazon', headers: { cookie: engine.auth.cookie, 'x-csrf-token': engine.auth.csrf }, payload: { values } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('a check proves the secret that is saved', () => {
  it('turns every row red on the next check after a wrong Creators secret is saved over a working one, within the minute', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    expect(causes((await engine.check()).rows)).toEqual({ de: 'ok', uk: 'ok', fr: 'ok' });
    expect(tokenRequests()).toBe(1);

    await saveFromScreen(engine, { creatorsCredentialSecret: WRONG });
    const next = await engine.check();
    expect(next.events[0]).toMatchObject({ type: 'start', reused: false });
    expect(causes(next.rows)).toEqual({ de: 'credentials_invalid', uk: 'credentials_invalid', fr: 'credentials_invalid' });
    expect(next.rows.de).toMatchObject({ status: 'error', fixField: 'creatorsCredentialSecret' });
    // The token the working secret got was not reused: the wrong secret went to the token endpoint and was refused there.
    expect(fake.state.requestsTo('/auth/o2/token').slice(1).map((r) => r.status)).toEqual([401]);

    await saveFromScreen(engine, { creatorsCredentialSecret: EU.secret });
    expect(causes((await engine.check()).rows)).toEqual({ de: 'ok', uk: 'ok', fr: 'ok' });
  });

  it('the daily re-check sees the wrong secret too', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    expect((await engine.check()).run.summary.error).toBe(0);
    await saveFromScreen(engine, { creatorsCredentialSecret: WRONG });
    const scheduled = await runScheduledCheck(engine.engine.ctx, { intervalMs: 0 });
    expect(scheduled?.run.actor).toBe('scheduler');
    expect(causes(scheduled!.run.rows)).toEqual({ de: 'credentials_invalid', uk: 'credentials_invalid', fr: 'credentials_invalid' });
    expect(scheduled?.newlyFailing.sort()).toEqual(['de', 'fr', 'uk']);
  });

  it('a check started after the save does not join a run of the old secret still going on', async () => {
    const engine = await openCheckEngine(fake.origin, threeRows);
    fake.state.setScenario({ overrides: [{ marketplace: 'fr', surface: 'creators', latencyMs: 500 }] });
    let second: ReturnType<typeof runAmazonCheck> | undefined;
    const first = await runAmazonCheck(engine.engine.ctx, {
      actor: 'before the save',
      onRow: () => {
        second ??= saveFromScreen(engine, { creatorsCredentialSecret: WRONG }).then(() => runAmazonCheck(engine.engine.ctx, { actor: 'after the save' }));
      },
    });
    const after = await second!;
    expect(causes(first.run.rows)).toEqual({ de: 'ok', uk: 'ok', fr: 'ok' });
    expect(after.run.id).not.toBe(first.run.id);
    expect(after.run.actor).toBe('after the save');
    expect(causes(after.run.rows)).toEqual({ de: 'credentials_invalid', uk: 'credentials_invalid', fr: 'credentials_invalid' });
  });

  it('holds for a marketplace row’s own credential: a wrong row secret turns that row red', async () => {
    const rowCredentials = { creatorsCredentialId: ROW_CREDENTIAL.id, creatorsCredentialSecret: ROW_CREDENTIAL.secret, creatorsCredentialVersion: ROW_CREDENTIAL.version };
    const engine = await openCheckEngine(fake.origin, { ...creatorsSettings(), defaultCountry: 'de', marketplaces: [row('de', 'mytag-21'), row('uk', 'rowtag-21', { credentials: rowCredentials })] });
    expect(causes((await engine.check()).rows)).toEqual({ de: 'ok', uk: 'ok' });
    await saveFromScreen(engine, { marketplaces: [row('de', 'mytag-21'), row('uk', 'rowtag-21', { credentials: { ...rowCredentials, creatorsCredentialSecret: WRONG } })] });
    expect(causes((await engine.check()).rows)).toEqual({ de: 'ok', uk: 'credentials_invalid' });
  });

  it('reports PA-API answering 401 AccessDenied "has been retired" as endpoint_retired, not as bad keys', async () => {
    fake.state.setScenario({ paapiRetired: 'retired_message' });
    const engine = await openCheckEngine(fake.origin, { mode: 'paapi', paapiAccessKey: PAAPI.accessKey, paapiSecretKey: PAAPI.secretKey, defaultCountry: 'de', marketplaces: [row('de', 'mytag-21')] });
    const { rows } = await engine.check();
    expect(rows.de).toMatchObject({ status: 'error', cause: 'endpoint_retired', source: 'paapi', fixField: 'mode' });
  });
});
