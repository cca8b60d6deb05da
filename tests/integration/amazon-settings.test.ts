import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetUnreadableSecrets } from '../../src/domain/settings/forget-unreadable-secrets.js';
import { readSectionValues } from '../../src/domain/settings/read-section-values.js';
import { amazonSection } from '../../src/domain/settings/sections/amazon.js';
import { openEngine, StartupError } from '../../src/main.js';
import { loginByApi, openTestApp, seedAdmin, testStorageEnv } from '../helpers/start-test-engine.js';

async function amazonApp(env: Record<string, string> = {}) {
  const test = await openTestApp({ env });
  await seedAdmin(test.engine);
  const auth = await loginByApi(test.app);
  const headers = { cookie: auth.cookie, 'x-csrf-token': auth.csrf };
  const put = (values: Record<string, unknown>) => test.app.inject({ method: 'PUT', url: '/api/settings/amazon', headers, payload: { values } });
  const get = async () => (await test.app.inject({ method: 'GET', url: '/api/settings/amazon', headers })).json();
  const stored = () => test.engine.db.selectFrom('settings').selectAll().where('section', '=', 'amazon').orderBy('key').execute();
  return { ...test, put, get, stored };
}

const ROW_SECRET = 'amzn1.oa2-cs.v1.row-secret-DE-ONLY-9f3k';

describe('Settings → Amazon: marketplace rows', () => {
  it('stores rows, seals a row’s own secret, shows only its last 4 characters and keeps it when the row comes back without it', async () => {
    const { put, get, stored, logs } = await amazonApp();
    const rows = [
      { country: 'us', partnerTag: 'site-20', enabled: true },
      { country: 'de', partnerTag: 'site-21', enabled: true, credentials: { creatorsCredentialId: 'amzn1.application-oa2-client.de', creatorsCredentialSecret: ROW_SECRET, creatorsCredentialVersion: '3.2' } },
    ];
    const saved = await put({ marketplaces: rows });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('DE-ONLY');
    const view = await get();
    expect(view.fields.marketplaces.value[1].credentials).toEqual({ creatorsCredentialId: 'amzn1.application-oa2-client.de', creatorsCredentialVersion: '3.2', creatorsCredentialSecret: { isSet: true, last4: '9f3k', readable: true } });
    expect(JSON.stringify(await stored())).not.toContain('DE-ONLY');

    // The UI sends rows back without secrets, here also reordered: the secret stays with its row.
    const { creatorsCredentialSecret: _omitted, ...credentials } = rows[1]!.credentials!;
    expect((await put({ marketplaces: [{ ...rows[1], credentials }, rows[0]] })).statusCode).toBe(200);
    expect((await get()).fields.marketplaces.value[0].credentials.creatorsCredentialSecret).toMatchObject({ isSet: true, last4: '9f3k' });
    expect(logs()).not.toContain('DE-ONLY');
  });

  it('opens row secrets for the engine’s own use, and clears one sent as null', async () => {
    const { put, engine } = await amazonApp();
    await put({ marketplaces: [{ country: 'de', partnerTag: 'site-21', enabled: true, credentials: { paapiAccessKey: 'AKIAROW', paapiSecretKey: 'row-paapi-secret' } }] });
    expect((await readSectionValues(engine.ctx, amazonSection)).marketplaces[0]?.credentials?.paapiSecretKey).toBe('row-paapi-secret');
    const cleared = await put({ marketplaces: [{ country: 'de', partnerTag: 'site-21', enabled: true, credentials: { paapiSecretKey: null } }] });
    expect(cleared.statusCode).toBe(200);
    expect((await readSectionValues(engine.ctx, amazonSection)).marketplaces[0]?.credentials?.paapiSecretKey).toBeUndefined();
  });

  it.each([
    ['a duplicate country', { marketplaces: [{ country: 'de', partnerTag: 'a-21', enabled: true }, { country: 'de', partnerTag: 'b-21', enabled: true }] }, 'marketplaces.1.country'],
    ['an enabled row without a tag and no default tag', { defaultPartnerTag: null, marketplaces: [{ country: 'fr', partnerTag: '', enabled: true }] }, 'marketplaces.0.partnerTag'],
    ['a tag with a space', { marketplaces: [{ country: 'fr', partnerTag: 'my tag-21', enabled: true }] }, 'marketplaces.0.partnerTag'],
    ['a tag of 65 characters', { defaultPartnerTag: `${'x'.repeat(62)}-21` }, 'defaultPartnerTag'],
    ['an unknown country', { marketplaces: [{ country: 'xx', partnerTag: 'a-21', enabled: true }] }, 'marketplaces.0.country'],
    ['a row credential without its secret', { marketplaces: [{ country: 'fr', partnerTag: 'a-21', enabled: true, credentials: { creatorsCredentialId: 'amzn1.application-oa2-client.fr' } }] }, 'marketplaces.0.credentials.creatorsCredentialSecret'],
    ['an unknown mode', { mode: 'scrape' }, 'mode'],
    ['an unknown credential version', { creatorsCredentialVersion: '4.0' }, 'creatorsCredentialVersion'],
  ])('refuses %s, names the field, and stores nothing', async (_label, values, field) => {
    const { put, stored } = await amazonApp();
    await put({ defaultPartnerTag: 'kept-21', marketplaces: [{ country: 'us', partnerTag: 'kept-20', enabled: true }] });
    const before = await stored();
    const response = await put(values);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await stored()).toEqual(before);
  });

  it('accepts an enabled row without its own tag when a Default Partner Tag applies', async () => {
    const { put } = await amazonApp();
    expect((await put({ defaultPartnerTag: 'site-21', marketplaces: [{ country: 'fr', partnerTag: '', enabled: true }] })).statusCode).toBe(200);
  });

  it('warns, without refusing, about an unusual tag suffix and a credential version that does not serve a row’s region', async () => {
    const { put } = await amazonApp();
    const response = await put({
      creatorsCredentialVersion: '3.1',
      defaultCountry: 'de',
      defaultPartnerTag: 'site-20',
      marketplaces: [{ country: 'uk', partnerTag: 'site-20', enabled: true }],
    });
    expect(response.statusCode).toBe(200);
    const warnings = response.json().warnings as Array<{ field: string; message: string }>;
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'defaultPartnerTag', message: expect.stringContaining('-21') }),
        expect.objectContaining({ field: 'marketplaces.0.partnerTag', message: expect.stringContaining('United Kingdom') }),
        expect.objectContaining({ field: 'marketplaces.0.country', message: expect.stringContaining('3.2') }),
      ]),
    );
  });

  it('locks the fields set in configuration', async () => {
    const { get, put } = await amazonApp({ PASSIVEWP_AMAZON_DEFAULT_PARTNER_TAG: 'config-21', PASSIVEWP_AMAZON_API_MODE: 'creators' });
    const view = await get();
    expect(view.fields.defaultPartnerTag).toMatchObject({ value: 'config-21', source: 'config', locked: true, configVariable: 'PASSIVEWP_AMAZON_DEFAULT_PARTNER_TAG' });
    expect(view.fields.mode).toMatchObject({ value: 'creators', locked: true });
    const refused = await put({ defaultPartnerTag: 'ui-21' });
    expect(refused.json().fields[0].message).toContain('change it there, not here');
  });
});

describe('row secrets and a lost key', () => {
  it('stop start-up like any secret, and forgetting them keeps the rows', async () => {
    const { put, engine, dataDir } = await amazonApp();
    await put({ marketplaces: [{ country: 'de', partnerTag: 'site-21', enabled: true, credentials: { creatorsCredentialId: 'amzn1.application-oa2-client.de', creatorsCredentialSecret: 'row-secret', creatorsCredentialVersion: '3.2' } }] });
    await engine.close();
    rmSync(path.join(dataDir, 'secret.key'));
    const env = { ...(await testStorageEnv(dataDir)), PASSIVEWP_LOG_LEVEL: 'silent' };
    await expect(openEngine({ env })).rejects.toThrowError(StartupError);
    const recovering = await openEngine({ env, allowUnreadableSecrets: true });
    expect(await forgetUnreadableSecrets(recovering.ctx, 'test')).toEqual(['amazon.marketplaces']);
    const rows = (await readSectionValues(recovering.ctx, amazonSection)).marketplaces;
    expect(rows).toEqual([{ country: 'de', partnerTag: 'site-21', enabled: true, credentials: { creatorsCredentialId: 'amzn1.application-oa2-client.de', creatorsCredentialVersion: '3.2' } }]);
    await recovering.close();
  });
});
