import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { forgetUnreadableSecrets } from '../../src/domain/settings/forget-unreadable-secrets.js';
import { openEngine, StartupError } from '../../src/main.js';
import { openTestEngine, testStorageEnv } from '../helpers/start-test-engine.js';
import { registryWithVault } from '../helpers/test-sections.js';

describe('a lost secret key', () => {
  it('stops start-up with a message that says what to restore, and can be recovered from', async () => {
    const { engine, dataDir } = await openTestEngine({ registry: registryWithVault() });
    await saveSection(engine.ctx, { sectionId: 'vault', values: { apiKey: 'sealed-with-old-key' }, actor: 'test', ip: null });
    await engine.close();
    rmSync(path.join(dataDir, 'secret.key'));

    const env = { ...(await testStorageEnv(dataDir)), PASSIVEWP_LOG_LEVEL: 'silent' };
    const attempt = openEngine({ env, registry: registryWithVault() });
    await expect(attempt).rejects.toThrowError(StartupError);
    await expect(openEngine({ env, registry: registryWithVault() })).rejects.toThrowError(/vault\.apiKey.*secret\.key.*forget-unreadable/s);

    const recovering = await openEngine({ env, registry: registryWithVault(), allowUnreadableSecrets: true });
    expect(await forgetUnreadableSecrets(recovering.ctx, 'test')).toEqual(['vault.apiKey']);
    await recovering.close();
    const recovered = await openEngine({ env, registry: registryWithVault() });
    await recovered.close();
  });
});

describe('stored values and configuration', () => {
  it('a configuration value wins over a value stored earlier, which comes back when the variable is removed', async () => {
    const { engine, dataDir } = await openTestEngine();
    await saveSection(engine.ctx, { sectionId: 'general', values: { siteName: 'Stored Name' }, actor: 'test', ip: null });
    await engine.close();
    const { describeSection } = await import('../../src/domain/settings/describe-section.js');
    const locked = await openTestEngine({ dataDir, env: { PASSIVEWP_SITE_NAME: 'Config Name' } });
    expect((await describeSection(locked.engine.ctx, 'general')).fields.siteName).toMatchObject({ value: 'Config Name', source: 'config', locked: true });
    await locked.engine.close();
    const unlocked = await openTestEngine({ dataDir });
    expect((await describeSection(unlocked.engine.ctx, 'general')).fields.siteName).toMatchObject({ value: 'Stored Name', source: 'stored' });
  });
});
