import { describe, expect, it } from 'vitest';
import { openAdminApp } from '../helpers/open-admin-app.js';

const KEY = 'sk-proj-settings-test-key-0123456789abcdef';
const storedRows = (admin: Awaited<ReturnType<typeof openAdminApp>>) => admin.engine.db.selectFrom('settings').selectAll().orderBy('key').execute();

describe('Settings → OpenAI through the API', () => {
  it('defaults to the official endpoint, a small model and no limits', async () => {
    const admin = await openAdminApp();
    const view = await admin.get<{ fields: Record<string, { value?: unknown; isSet?: boolean; source: string }> }>('/api/settings/openai');
    expect(view.fields.baseUrl).toMatchObject({ value: 'https://api.openai.com/v1', source: 'default' });
    expect(view.fields.model).toMatchObject({ value: 'gpt-5-mini', source: 'default' });
    expect(view.fields.apiKey).toMatchObject({ isSet: false });
    expect(view.fields.monthlyTokenLimit).toMatchObject({ value: null });
  });

  it('stores the key encrypted and write-only, and limits typed as text as numbers', async () => {
    const admin = await openAdminApp();
    const saved = await admin.save('openai', { apiKey: KEY, baseUrl: 'http://localhost:11434/v1/', model: 'llama3.1:8b', monthlyTokenLimit: '250000', monthlyCostLimit: '', inputPricePerMillion: '0,5', outputPricePerMillion: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(KEY);
    const view = saved.json();
    expect(view.fields.apiKey).toMatchObject({ secret: true, isSet: true, last4: 'cdef' });
    expect(view.fields.baseUrl.value).toBe('http://localhost:11434/v1');
    expect(view.fields.monthlyTokenLimit.value).toBe(250000);
    expect(view.fields.monthlyCostLimit.value).toBeNull();
    expect(view.fields.inputPricePerMillion.value).toBe(0.5);
    expect(JSON.stringify(await storedRows(admin))).not.toContain(KEY);
  });

  it.each([
    ['a key with spaces', { apiKey: 'sk-proj has spaces in it 0123456789' }, 'apiKey'],
    ['a base URL that is not a web address', { baseUrl: 'api.openai.com' }, 'baseUrl'],
    ['an ftp base URL', { baseUrl: 'ftp://api.example.com/v1' }, 'baseUrl'],
    ['a model name with spaces', { model: 'gpt 5' }, 'model'],
    ['a negative token limit', { monthlyTokenLimit: '-5' }, 'monthlyTokenLimit'],
    ['a fractional token limit', { monthlyTokenLimit: '10.5' }, 'monthlyTokenLimit'],
    ['a spending limit that is not a number', { monthlyCostLimit: 'ten dollars' }, 'monthlyCostLimit'],
    ['a spending limit for a model without a known price', { model: 'my-local-model', monthlyCostLimit: '5' }, 'monthlyCostLimit'],
    ['only one of the two prices', { inputPricePerMillion: '0.4' }, 'outputPricePerMillion'],
  ])('refuses %s with a message on that field and changes nothing', async (_label, values, field) => {
    const admin = await openAdminApp();
    await admin.save('openai', { apiKey: KEY, model: 'gpt-4o-mini', monthlyTokenLimit: '1000' });
    const before = await storedRows(admin);
    const response = await admin.save('openai', { ...values, organization: 'org-changed-too' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await storedRows(admin)).toEqual(before);
  });

  it('accepts a spending limit for an unknown model once both prices are entered', async () => {
    const admin = await openAdminApp();
    const response = await admin.save('openai', { model: 'my-local-model', monthlyCostLimit: '5', inputPricePerMillion: '0.1', outputPricePerMillion: '0.2' });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('locks the key, base URL and model when PASSIVEWP_OPENAI_* set them, and refuses to save them', async () => {
    const admin = await openAdminApp({ PASSIVEWP_OPENAI_API_KEY: KEY, PASSIVEWP_OPENAI_BASE_URL: 'https://llm.example.net/v1', PASSIVEWP_OPENAI_MODEL: 'gpt-4.1-mini' });
    const view = await admin.get<{ fields: Record<string, { locked: boolean; value?: unknown; configVariable?: string }> }>('/api/settings/openai');
    expect(view.fields.apiKey).toMatchObject({ locked: true, configVariable: 'PASSIVEWP_OPENAI_API_KEY' });
    expect(view.fields.baseUrl).toMatchObject({ locked: true, value: 'https://llm.example.net/v1' });
    expect(view.fields.model).toMatchObject({ locked: true, value: 'gpt-4.1-mini' });
    expect(JSON.stringify(view)).not.toContain(KEY);
    const before = await storedRows(admin);
    const response = await admin.save('openai', { model: 'gpt-5', organization: 'org-x' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ field: 'model', message: expect.stringContaining('PASSIVEWP_OPENAI_MODEL') })]);
    expect(await storedRows(admin)).toEqual(before);
  });
});
