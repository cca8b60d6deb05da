import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { CheckRun } from '../../src/domain/connection-checks/check-run.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { openEngine } from '../../src/main.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';
import { newTestStorage } from '../helpers/start-test-engine.js';

const CREDENTIAL = { id: 'amzn1.application-oa2-client.clicheck001', secret: 'amzn1.oa2-cs.v1.cli-check-secret-0001', version: '3.2' as const, partnerTags: { de: ['mytag-21', 'odd-tag-20'], uk: ['mytag-21'] } };
let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [CREDENTIAL], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

/**
 * A data directory (and its database on the PostgreSQL run) whose Amazon settings were saved by an
 * engine that is closed again, as an operator would leave it; the variables that point at it. A
 * Geolocation Database file names a test database, copied into the geo folder.
 */
async function dataDirWith(marketplaces: Array<{ country: string; partnerTag: string; enabled: boolean }>, otherSections: Record<string, Record<string, unknown>> = {}): Promise<Record<string, string>> {
  const storage = await newTestStorage('pwp-check-');
  const database = otherSections.geolocation?.databasePath;
  if (typeof database === 'string') placeGeoDatabase(storage.PASSIVEWP_DATA_DIR!, database);
  const engine = await openEngine({ env: { NODE_ENV: 'test', ...storage, PASSIVEWP_LOG_LEVEL: 'silent' }, quiet: true });
  const values = { mode: 'creators', creatorsCredentialId: CREDENTIAL.id, creatorsCredentialSecret: CREDENTIAL.secret, creatorsCredentialVersion: '3.2', defaultCountry: 'de', marketplaces };
  await saveSection(engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
  for (const [sectionId, sectionValues] of Object.entries(otherSections)) await saveSection(engine.ctx, { sectionId, values: sectionValues, actor: 'test', ip: null });
  await engine.close();
  return storage;
}

/** `passivewp check …` as a real process; asynchronous, because the fakes answer from this process. */
function runCheck(storage: Record<string, string>, extra: string[] = [], target = 'amazon'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/passivewp.js'), 'check', target, ...extra], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', ...storage, PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: 'loopback' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('passivewp check amazon', () => {
  it('prints a line per marketplace and the summary, and exits 0 when every row is ok', async () => {
    const result = await runCheck(await dataDirWith([{ country: 'de', partnerTag: 'mytag-21', enabled: true }, { country: 'uk', partnerTag: 'mytag-21', enabled: true }]));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Checking 2 marketplaces \(Amazon API Mode: creators\)/);
    expect(lines.filter((l) => /^(de|uk) +ok +creators +mytag-21/.test(l))).toHaveLength(2);
    expect(lines.at(-1)).toBe('2 marketplaces: 2 ok, 0 warnings, 0 errors');
  });

  it('exits 1 when a row errors, naming the cause and the fix', async () => {
    const result = await runCheck(await dataDirWith([{ country: 'de', partnerTag: 'mytag-21', enabled: true }, { country: 'uk', partnerTag: 'wrong-21', enabled: true }]));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^uk +error +creators +wrong-21/m);
    expect(result.stdout).toContain('partner_tag_invalid:');
    expect(result.stdout).toContain('[marketplaces.1.partnerTag]');
    expect(result.stdout).toContain('2 marketplaces: 1 ok, 0 warnings, 1 error');
  });

  it('exits 3 when there are only warnings', async () => {
    const result = await runCheck(await dataDirWith([{ country: 'de', partnerTag: 'odd-tag-20', enabled: true }]));
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('tag_suffix_unusual');
  });

  it('--json prints the run with the API’s names on stdout, progress on stderr', async () => {
    const result = await runCheck(await dataDirWith([{ country: 'de', partnerTag: 'mytag-21', enabled: true }]), ['--json']);
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout) as CheckRun;
    expect(Object.keys(run)).toEqual(['id', 'actor', 'mode', 'startedAt', 'finishedAt', 'summary', 'summaryText', 'rows']);
    expect(run).toMatchObject({ actor: 'cli', mode: 'creators', summary: { total: 1, ok: 1, warning: 0, error: 0 } });
    expect(Object.keys(run.rows[0]!)).toEqual(['country', 'marketplaceName', 'domain', 'partnerTag', 'partnerTagFrom', 'source', 'tried', 'status', 'cause', 'message', 'fix', 'fixField', 'latencyMs', 'checkedAt']);
    expect(result.stderr).toMatch(/^de +ok/m);
  });

  it('explains its usage with exit code 2', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pwp-check-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const child = await new Promise<number | null>((resolve) => spawn(process.execPath, [path.join(REPO_ROOT, 'bin/passivewp.js'), 'check', 'everything'], { env: { PATH: process.env.PATH ?? '', PASSIVEWP_DATA_DIR: dataDir } }).on('close', resolve));
    expect(child).toBe(2);
  });
});

describe('passivewp check openai|geolocation|all', () => {
  const DE = [{ country: 'de', partnerTag: 'mytag-21', enabled: true }];
  const KEY = 'sk-proj-cli-check-key-0000000000000000001';
  let openai: FakeOpenAi;
  beforeAll(async () => {
    openai = await startFakeOpenAi({ keys: { [KEY]: {} } });
  });
  afterAll(() => openai.close());

  it('checks OpenAI: exit 0 when it works, 1 naming the cause and the field to fix when it does not', async () => {
    const ok = await runCheck(await dataDirWith(DE, { openai: { apiKey: KEY, baseUrl: openai.baseUrl } }), [], 'openai');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OpenAI +ok /m);
    const bad = await runCheck(await dataDirWith(DE, { openai: { apiKey: 'sk-proj-not-a-known-key-00000000000000009', baseUrl: openai.baseUrl } }), [], 'openai');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('key_invalid:');
    expect(bad.stdout).toContain('[apiKey]');
    expect(bad.stdout + bad.stderr).not.toContain('sk-proj-not-a-known-key-00000000000000009');
  });

  it('checks Geolocation: exit 3 for a working but old database, 1 for a broken one', async () => {
    const old = await runCheck(await dataDirWith(DE, { geolocation: { databasePath: 'GeoLite2-Country-Test.mmdb' } }), [], 'geolocation');
    expect(old.code, old.stderr).toBe(3);
    expect(old.stdout).toContain('database_outdated');
    const broken = await runCheck(await dataDirWith(DE, { geolocation: { databasePath: 'GeoIP2-City-Test-Invalid-Node-Count.mmdb' } }), [], 'geolocation');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('database_unreadable');
  });

  it('checks everything with `all`; --json prints one result per integration', async () => {
    const dataDir = await dataDirWith(DE, { openai: { apiKey: KEY, baseUrl: openai.baseUrl }, geolocation: { databasePath: 'GeoLite2-City-Test.mmdb' } });
    const result = await runCheck(dataDir, ['--json'], 'all');
    // The test database is old: a warning, and Amazon and OpenAI are fine.
    expect(result.code, result.stderr).toBe(3);
    const results = JSON.parse(result.stdout) as Record<string, { status?: string; summary?: unknown }>;
    expect(Object.keys(results)).toEqual(['amazon', 'openai', 'geolocation']);
    expect(results.openai?.status).toBe('ok');
    expect(results.geolocation?.status).toBe('warning');
  });
});
