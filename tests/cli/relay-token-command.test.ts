import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { newTestStorage } from '../helpers/start-test-engine.js';

// Each command is a process of its own: slow on a busy machine.
describe('passivewp relay token', { timeout: 120_000 }, () => {
  it('creates a token with its limits (or the defaults) and lists them', async () => {
    const env = await newTestStorage('pwp-relay-token-');
    const limited = runCli(['relay', 'token', 'create', '--name', 'Agency blog', '--per-minute', '30', '--daily-share', '10%'], env);
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.stdout).toContain('Limits: 30/min, 10% of the daily quota.');
    const id = /Relay token (rly_\S+) for "Agency blog"/.exec(limited.stdout)?.[1];
    const token = /\b(pwr_\S+)/.exec(limited.stdout)?.[1];
    expect(id && token).toBeTruthy();

    const plain = runCli(['relay', 'token', 'create', '--name', 'Team site', '--daily-share', '500'], env);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Limits: 60/min, 500 requests a day.');

    const listed = runCli(['relay', 'token', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}\tAgency blog\t…${token!.slice(-4)}\t30/min, 10% of the daily quota\tcreated `);
    expect(listed.stdout).toMatch(/\tTeam site\t…\S{4}\t60\/min, 500 requests a day\t/);
    expect(listed.stdout).not.toContain(token);
  });

  it('refuses bad limits with a plain message and creates nothing', async () => {
    const env = await newTestStorage('pwp-relay-token-');
    for (const args of [['--per-minute', 'often'], ['--daily-share', '150%']]) {
      const refused = runCli(['relay', 'token', 'create', '--name', 'Agency blog', ...args], env);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(`${refused.stdout}${refused.stderr}`, args.join(' ')).toMatch(/The relay token was not created: (perMinute|dailyShare): /);
    }
    expect(runCli(['relay', 'token', 'list'], env).stdout.trim()).toBe('No relay tokens.');
    // Limits belong to relay tokens: a render key does not take them.
    expect(runCli(['render', 'key', 'create', '--name', 'Blog', '--per-minute', '5'], env).code).not.toBe(0);
    expect(runCli(['render', 'key', 'list'], env).stdout.trim()).toBe('No render keys.');
  });
});
