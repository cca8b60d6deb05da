import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { createSettingsRegistry, listSettingVariables } from '../../src/domain/settings/registry.js';

const settingVariables = listSettingVariables(createSettingsRegistry());
const load = (env: Record<string, string | undefined>, cwd = '/srv/app') => loadConfig({ env, settingVariables, cwd });

function problemsOf(env: Record<string, string | undefined>, cwd?: string): string[] {
  try {
    load(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('has working defaults: 127.0.0.1:8080, ./data, no base path', () => {
    const config = load({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, dataDir: '/srv/app/data', basePath: '', trustedProxies: [] });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the engine variables', () => {
    const config = load({ PASSIVEWP_HOST: '0.0.0.0', PASSIVEWP_PORT: '9000', PASSIVEWP_DATA_DIR: '/var/lib/pwp', PASSIVEWP_BASE_PATH: '/passivewp', PASSIVEWP_TRUST_PROXY: 'loopback' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9000, dataDir: '/var/lib/pwp', basePath: '/passivewp', trustedProxies: ['loopback'] });
  });

  it.each([
    [{ PASSIVEWP_PORT: 'eighty' }, 'PASSIVEWP_PORT'],
    [{ PASSIVEWP_PORT: '70000' }, 'PASSIVEWP_PORT'],
    [{ PASSIVEWP_BASE_PATH: 'passivewp/' }, 'PASSIVEWP_BASE_PATH'],
    [{ PASSIVEWP_LOG_LEVEL: 'loud' }, 'PASSIVEWP_LOG_LEVEL'],
    [{ PASSIVEWP_TRUST_PROXY: 'maybe' }, 'PASSIVEWP_TRUST_PROXY'],
    [{ PASSIVEWP_TRUST_PROXY: '10.0.0.0/33' }, 'PASSIVEWP_TRUST_PROXY'],
    [{ PASSIVEWP_PUBLIC_URL: 'example.com' }, 'PASSIVEWP_PUBLIC_URL'],
    [{ PASSIVEWP_TIME_ZONE: 'Mars/Olympus' }, 'PASSIVEWP_TIME_ZONE'],
    [{ PASSIVEWP_SITE_URL: 'not a url' }, 'PASSIVEWP_SITE_URL'],
  ])('names the variable that is wrong: %o', (env, name) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('reads the trusted proxies as a list of addresses, ranges and names; empty or false trusts none', () => {
    expect(load({ PASSIVEWP_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8\n2001:db8::/32 loopback,uniquelocal' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '2001:db8::/32', 'loopback', 'uniquelocal']);
    expect(load({ PASSIVEWP_TRUST_PROXY: 'false' }).trustedProxies).toEqual([]);
    expect(load({ PASSIVEWP_TRUST_PROXY: '' }).trustedProxies).toEqual([]);
  });

  it.each(['true', 'TRUE', 'yes', '1'])('refuses PASSIVEWP_TRUST_PROXY=%s at load, saying why and what to list instead', (value) => {
    const problems = problemsOf({ PASSIVEWP_TRUST_PROXY: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PASSIVEWP_TRUST_PROXY: true would trust every client/);
    expect(problems[0]).toMatch(/X-Forwarded-For/);
    expect(problems[0]).toMatch(/List the addresses of your reverse proxies/);
  });

  it('names each trusted-proxy entry that is not an address, a range or a known name', () => {
    const problems = problemsOf({ PASSIVEWP_TRUST_PROXY: 'loopback, proxy.example.com, 10.0.0.300' });
    expect(problems).toEqual([
      expect.stringMatching(/^PASSIVEWP_TRUST_PROXY: "proxy\.example\.com" is not an IP address/),
      expect.stringMatching(/^PASSIVEWP_TRUST_PROXY: "10\.0\.0\.300" is not an IP address/),
    ]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PASSIVEWP_PORT: 'x', PASSIVEWP_LOG_LEVEL: 'loud' })).toHaveLength(2);
  });

  it('turns setting variables into locked overrides', () => {
    const config = load({ PASSIVEWP_SITE_NAME: 'Config Site' });
    expect(config.settingOverrides.get('PASSIVEWP_SITE_NAME')).toEqual({ value: 'Config Site', origin: 'env' });
  });

  it('reads a JSON config file; the environment wins over it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwp-config-'));
    writeFileSync(path.join(dir, 'passivewp.json'), JSON.stringify({ PASSIVEWP_PORT: 9100, PASSIVEWP_HOST: '0.0.0.0', PASSIVEWP_SITE_NAME: 'File Site' }));
    const config = load({ PASSIVEWP_CONFIG: 'passivewp.json', PASSIVEWP_HOST: '127.0.0.2' }, dir);
    expect(config).toMatchObject({ port: 9100, host: '127.0.0.2' });
    expect(config.settingOverrides.get('PASSIVEWP_SITE_NAME')).toEqual({ value: 'File Site', origin: 'file' });
  });

  it('refuses a missing or broken config file and unknown variables in it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwp-config-'));
    expect(problemsOf({ PASSIVEWP_CONFIG: 'missing.json' }, dir)[0]).toMatch(/^PASSIVEWP_CONFIG: .*file not found/);
    writeFileSync(path.join(dir, 'broken.json'), '{ nope');
    expect(problemsOf({ PASSIVEWP_CONFIG: 'broken.json' }, dir)[0]).toMatch(/not valid JSON/);
    writeFileSync(path.join(dir, 'typo.json'), JSON.stringify({ PASSIVEWP_PROT: 1 }));
    expect(problemsOf({ PASSIVEWP_CONFIG: 'typo.json' }, dir)[0]).toMatch(/^PASSIVEWP_PROT .*unknown variable/);
  });
});

describe('.env.example', () => {
  it('lists every variable the engine reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { ENGINE_VARIABLES } = await import('../../src/config/env.js');
    const example = readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    for (const name of [...ENGINE_VARIABLES, ...settingVariables.map((v) => v.name)]) expect(listed, name).toContain(name);
  });
});
