import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureAiBudget } from '../../src/domain/ai/ensure-ai-budget.js';
import { recordAiUsage } from '../../src/domain/ai/record-ai-usage.js';
import type { IntegrationCheck } from '../../src/domain/connection-checks/integration-check.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { closedPort } from '../helpers/closed-port.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';

const GOOD = 'sk-proj-good-key-0000000000000000000000001';
const BROKE = 'sk-proj-no-credit-00000000000000000000002';
const LIMITED = 'sk-proj-rate-limited-000000000000000000003';
const NARROW = 'sk-proj-narrow-00000000000000000000000004';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({
    keys: {
      [GOOD]: {},
      [BROKE]: { quota: 'exhausted' },
      [LIMITED]: { rateLimited: true },
      [NARROW]: { models: ['gpt-4o-mini', 'text-embedding-3-small'] },
    },
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.outage = null;
  fake.state.delayMs = 0;
});

async function engineWith(values: Record<string, unknown>): Promise<AdminApp> {
  const admin = await openAdminApp();
  const saved = await admin.save('openai', { baseUrl: fake.baseUrl, ...values });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  return admin;
}

const check = async (admin: AdminApp) => {
  const response = await admin.call('POST', '/api/checks/openai');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<IntegrationCheck>();
};

describe('Check OpenAI Connection', () => {
  it('proves key, billing and model with one tiny completion, and counts its tokens', async () => {
    const admin = await engineWith({ apiKey: GOOD, model: 'gpt-5-mini' });
    const requestsBefore = fake.state.requests.length;
    const result = await check(admin);
    expect(result).toMatchObject({ integration: 'openai', status: 'ok', actor: 'owner@example.com', findings: [{ cause: 'ok', severity: 'ok' }] });
    expect(result.details).toMatchObject({ model: 'gpt-5-mini', baseUrl: fake.baseUrl });
    expect(result.details.inputTokens).toBeGreaterThan(0);
    expect(fake.state.requests.length - requestsBefore).toBe(1);
    const usage = await admin.get<{ requests: number; totalTokens: number; costUsd: number }>('/api/openai/usage');
    expect(usage.requests).toBe(1);
    expect(usage.totalTokens).toBe(Number(result.details.inputTokens) + Number(result.details.outputTokens));
    expect(usage.costUsd).toBeGreaterThan(0);
    const latest = await admin.get<{ check: IntegrationCheck; stale: boolean }>('/api/checks/openai/latest');
    expect(latest).toEqual({ check: result, stale: false });
  });

  it.each([
    ['no key', {}, 'key_missing', 'error', 'apiKey'],
    ['a wrong key', { apiKey: 'sk-proj-wrong-key-000000000000000000000099' }, 'key_invalid', 'error', 'apiKey'],
    ['another organization', { apiKey: GOOD, organization: 'org-not-mine' }, 'organization_mismatch', 'error', 'organization'],
    ['a model the key cannot use', { apiKey: NARROW, model: 'gpt-5' }, 'model_unavailable', 'error', 'model'],
    ['an account without credit', { apiKey: BROKE }, 'quota_exhausted', 'error', null],
    ['a rate-limited key', { apiKey: LIMITED }, 'rate_limited', 'warning', null],
  ])('explains %s', async (_label, values, cause, status, fixField) => {
    const admin = await engineWith(values);
    const result = await check(admin);
    expect(result.status).toBe(status);
    expect(result.findings[0]).toMatchObject({ cause, fixField });
    expect(result.findings[0]?.fix.length).toBeGreaterThan(10);
  });

  it('explains an outage, a wrong base URL and an unreachable endpoint', async () => {
    const admin = await engineWith({ apiKey: GOOD });
    fake.state.outage = { status: 503 };
    expect((await check(admin)).findings[0]).toMatchObject({ cause: 'service_unavailable' });
    fake.state.outage = null;
    // A new Base URL takes the key entered again in the same save: it is bound to the address it was saved with.
    await admin.save('openai', { baseUrl: fake.origin, apiKey: GOOD });
    expect((await check(admin)).findings[0]).toMatchObject({ cause: 'base_url_wrong', fixField: 'baseUrl' });
    await admin.save('openai', { baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, apiKey: GOOD });
    expect((await check(admin)).findings[0]).toMatchObject({ cause: 'network_error', fixField: 'baseUrl' });
  });

  it('marks the last result stale once the key, endpoint or model changes, not when a limit changes', async () => {
    const admin = await engineWith({ apiKey: GOOD });
    await check(admin);
    await admin.save('openai', { monthlyTokenLimit: '100000' });
    expect((await admin.get<{ stale: boolean }>('/api/checks/openai/latest')).stale).toBe(false);
    await admin.save('openai', { model: 'gpt-4o-mini' });
    expect((await admin.get<{ stale: boolean }>('/api/checks/openai/latest')).stale).toBe(true);
  });

  it('never shows or logs the key', async () => {
    const admin = await engineWith({ apiKey: 'sk-proj-wrong-key-000000000000000000000099' });
    const response = await admin.call('POST', '/api/checks/openai');
    expect(response.body).not.toContain('sk-proj-wrong-key-000000000000000000000099');
    expect((await admin.call('GET', '/api/openai/models')).body).not.toContain('sk-proj-wrong-key-000000000000000000000099');
    expect(admin.logs()).not.toContain('sk-proj-wrong-key-000000000000000000000099');
  });
});

describe('the model list', () => {
  it('offers the chat models the saved key can use', async () => {
    const admin = await engineWith({ apiKey: NARROW, model: 'gpt-4o-mini' });
    expect(await admin.get('/api/openai/models')).toEqual({ models: ['gpt-4o-mini'], chosen: 'gpt-4o-mini', problem: null });
  });

  it('says why there is no list', async () => {
    const admin = await engineWith({});
    expect(await admin.get('/api/openai/models')).toMatchObject({ models: [], problem: { cause: 'key_missing', fixField: 'apiKey' } });
    await admin.save('openai', { apiKey: 'sk-proj-wrong-key-000000000000000000000099' });
    expect(await admin.get('/api/openai/models')).toMatchObject({ models: [], problem: { cause: 'key_invalid' } });
  });
});

describe('the monthly limits', () => {
  it('counts usage per month and stops AI features at the token limit, until the next month', async () => {
    const admin = await engineWith({ apiKey: GOOD, monthlyTokenLimit: '1000' });
    const ctx = admin.engine.ctx;
    const november = new Date('2026-11-20T12:00:00Z');
    ctx.clock = { now: () => november };
    await recordAiUsage(ctx, { model: 'gpt-4o-mini', inputTokens: 600, outputTokens: 300 });
    expect((await ensureAiBudget(ctx)).ok).toBe(true);
    await recordAiUsage(ctx, { model: 'gpt-4o-mini', inputTokens: 100, outputTokens: 50 });
    const refused = await ensureAiBudget(ctx);
    expect(refused).toMatchObject({ ok: false, error: { cause: 'budget_exhausted' } });
    const usage = await admin.get<Record<string, unknown>>('/api/openai/usage');
    expect(usage).toMatchObject({ month: '2026-11', requests: 2, inputTokens: 700, outputTokens: 350, totalTokens: 1050, exhausted: true, limits: { tokens: 1000, costUsd: null }, resetsAt: '2026-12-01T00:00:00.000Z' });
    // 700 input × $0.15/M + 350 output × $0.60/M
    expect(usage.costUsd).toBeCloseTo(0.000315, 9);
    // The check still proves the connection and says the limit is reached.
    const result = await check(admin);
    expect(result.status).toBe('warning');
    expect(result.findings.map((f) => f.cause)).toEqual(['ok', 'budget_exhausted']);
    expect(result.findings[1]?.fixField).toBe('monthlyTokenLimit');

    ctx.clock = { now: () => new Date('2026-12-01T00:00:01Z') };
    expect((await ensureAiBudget(ctx)).ok).toBe(true);
  });

  it('keeps a spending limit with the settings’ own prices, and says the estimate is incomplete for unpriced models', async () => {
    const admin = await engineWith({ apiKey: GOOD, model: 'house-model', monthlyCostLimit: '0.01', inputPricePerMillion: '10', outputPricePerMillion: '10' });
    const ctx = admin.engine.ctx;
    await recordAiUsage(ctx, { model: 'house-model', inputTokens: 500, outputTokens: 500 });
    expect(await admin.get('/api/openai/usage')).toMatchObject({ costUsd: 0.01, exhausted: true, used: { costUsd: 1 } });

    const other = await engineWith({ apiKey: GOOD, model: 'gpt-4o-mini' });
    await recordAiUsage(other.engine.ctx, { model: 'mystery-model', inputTokens: 10, outputTokens: 10 });
    expect(await other.get('/api/openai/usage')).toMatchObject({ costUsd: null, totalTokens: 20 });
  });
});
