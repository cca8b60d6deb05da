import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, demoCredential, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { requestToken } from '../fakes/amazon/testing/fake-amazon-client.js';

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: DEMO_CREDENTIALS });
});
afterAll(() => fake.close());

const styles = ['json', 'form', 'basic'] as const;

describe('token endpoints: success', () => {
  it.each((['2.1', '2.2', '2.3'] as const).flatMap((v) => styles.map((s) => [v, s] as const)))('Cognito %s accepts a %s request', async (version, style) => {
    const answer = await requestToken(fake.origin, demoCredential(version), { style });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(answer.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect(answer.body.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each((['3.1', '3.2', '3.3'] as const).flatMap((v) => styles.map((s) => [v, s] as const)))('Login with Amazon %s accepts a %s request', async (version, style) => {
    const answer = await requestToken(fake.origin, demoCredential(version), { style });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ scope: 'creatorsapi::default', token_type: 'bearer', expires_in: 3600 });
    expect(answer.body.access_token).toMatch(/^Atc\|/);
  });

  it('answers with the configured lifetime', async () => {
    fake.state.setScenario({ tokenExpiresIn: 120 });
    try {
      expect((await requestToken(fake.origin, demoCredential('3.2'))).body.expires_in).toBe(120);
      expect((await requestToken(fake.origin, demoCredential('2.2'))).body.expires_in).toBe(120);
    } finally {
      fake.state.setScenario({ tokenExpiresIn: 3600 });
    }
  });

  it('counts requests and issued tokens per credential, and logs without the secret', async () => {
    const credential = demoCredential('2.3');
    const before = fake.state.tokenRequests(credential.id);
    await requestToken(fake.origin, credential);
    await requestToken(fake.origin, credential, { secret: 'wrong' });
    expect(fake.state.tokenRequests(credential.id)).toBe(before + 2);
    expect(fake.state.tokensIssued(credential.id)).toBeGreaterThanOrEqual(1);
    const last = fake.state.requestsTo('creatorsapi.auth.us-west-2.amazoncognito.com/oauth2/token').at(-1);
    expect(last?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last?.body).toMatchObject({ client_id: credential.id, client_secret: '<redacted>', grant_type: 'client_credentials' });
    expect(last?.status).toBe(400);
  });
});

describe('token endpoints: refusals', () => {
  it('refuses other grant types', async () => {
    for (const version of ['2.1', '3.1'] as const) {
      const answer = await requestToken(fake.origin, demoCredential(version), { grantType: 'authorization_code' });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('unsupported_grant_type');
    }
  });

  it('refuses the other family’s scope', async () => {
    const cognito = await requestToken(fake.origin, demoCredential('2.2'), { scope: 'creatorsapi::default' });
    expect([cognito.status, cognito.body.error]).toEqual([400, 'invalid_scope']);
    const lwa = await requestToken(fake.origin, demoCredential('3.2'), { scope: 'creatorsapi/default' });
    expect([lwa.status, lwa.body.error]).toEqual([400, 'invalid_scope']);
  });

  it('Cognito: a wrong secret is 400 invalid_client and nothing else', async () => {
    const answer = await requestToken(fake.origin, demoCredential('2.1'), { secret: 'nope' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_client' });
  });

  it('LwA: a wrong secret is 401 invalid_client "Client authentication failed"', async () => {
    const answer = await requestToken(fake.origin, demoCredential('3.3'), { secret: 'nope', style: 'basic' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error_description: 'Client authentication failed', error: 'invalid_client' });
  });

  it('refuses a credential at another version’s endpoint (wrong pool / region)', async () => {
    const cognito = await requestToken(fake.origin, demoCredential('2.1'), { host: 'creatorsapi.auth.eu-south-2.amazoncognito.com' });
    expect([cognito.status, cognito.body.error]).toEqual([400, 'invalid_client']);
    const lwa = await requestToken(fake.origin, demoCredential('3.1'), { host: 'api.amazon.co.uk' });
    expect([lwa.status, lwa.body.error]).toEqual([401, 'invalid_client']);
    const crossFamily = await requestToken(fake.origin, demoCredential('3.1'), { host: 'creatorsapi.auth.us-east-1.amazoncognito.com', scope: 'creatorsapi/default' });
    expect([crossFamily.status, crossFamily.body.error]).toEqual([400, 'invalid_client']);
  });

  it('refuses an unknown client id', async () => {
    const answer = await requestToken(fake.origin, { id: 'nobody', secret: 'x', version: '3.1' });
    expect(answer.status).toBe(401);
  });

  it('refuses Basic and body naming different clients', async () => {
    const credential = demoCredential('2.1');
    const response = await fetch(`${fake.origin}/creatorsapi.auth.us-east-1.amazoncognito.com/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${credential.id}:${credential.secret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'someone-else' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('404s for paths that are not token endpoints', async () => {
    const response = await fetch(`${fake.origin}/api.amazon.com/auth/o2/other`, { method: 'POST' });
    expect(response.status).toBe(404);
  });
});
