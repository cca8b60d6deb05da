import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAmazonCheck } from '../../src/domain/connection-checks/run-amazon-check.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { openTestEngine } from '../helpers/start-test-engine.js';

const CREDENTIAL = { id: 'amzn1.application-oa2-client.clisecret01', secret: 'amzn1.oa2-cs.v1.cli-secret-change-0001', version: '3.2' as const, partnerTags: { de: ['mytag-21'] } };

let fake: FakeAmazon;
beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [CREDENTIAL], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());

/** `passivewp check amazon` as its own process, on the running engine's storage. */
function runCliCheck(storage: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/passivewp.js'), 'check', 'amazon'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', ...storage, PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin },
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

describe('the engine and `passivewp check amazon` agree after a secret changed', () => {
  it('both report credentials_invalid once a wrong secret is saved over a working one', async () => {
    const { engine, dataDir } = await openTestEngine({ env: { PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin } });
    const save = (values: Record<string, unknown>) => saveSection(engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
    await save({ mode: 'creators', creatorsCredentialId: CREDENTIAL.id, creatorsCredentialSecret: CREDENTIAL.secret, creatorsCredentialVersion: '3.2', defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    expect((await runAmazonCheck(engine.ctx, { actor: 'test' })).run.rows[0]?.cause).toBe('ok');

    await save({ creatorsCredentialSecret: 'amzn1.oa2-cs.v1.typed-wrong-0001' });
    expect((await runAmazonCheck(engine.ctx, { actor: 'test' })).run.rows[0]?.cause).toBe('credentials_invalid');
    const storage = { PASSIVEWP_DATA_DIR: dataDir, ...(engine.config.databaseUrl ? { PASSIVEWP_DATABASE_URL: engine.config.databaseUrl } : {}) };
    const cli = await runCliCheck(storage);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^de +error +creators +mytag-21/m);
    expect(cli.stdout).toContain('credentials_invalid:');
  });
});
