import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { newTestStorage } from '../helpers/start-test-engine.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'pwp-cli-'));

describe('passivewp admin', () => {
  it('creates an administrator on the data directory without a running server, then lists it', async () => {
    const env = await newTestStorage('pwp-cli-');
    const created = runCli(['admin', 'create', '--email', 'Owner@Example.com', '--password', 'a long enough password'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Administrator owner@example.com created');
    const listed = runCli(['admin', 'list'], env);
    expect(listed.stdout).toContain('owner@example.com');
  });

  it('reads the password from stdin with --password -', async () => {
    const env = await newTestStorage('pwp-cli-');
    expect(runCli(['admin', 'create', '--email', 'a@example.com', '--password', '-'], env, 'piped long password\n').code).toBe(0);
  });

  it('refuses a weak password or a duplicate email and creates nothing', async () => {
    const env = await newTestStorage('pwp-cli-');
    const weak = runCli(['admin', 'create', '--email', 'a@example.com', '--password', 'short'], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: Use at least 12 characters.');
    expect(runCli(['admin', 'list'], env).stdout).toContain('No administrators yet.');

    runCli(['admin', 'create', '--email', 'a@example.com', '--password', 'a long enough password'], env);
    const duplicate = runCli(['admin', 'create', '--email', 'A@example.com', '--password', 'another long password'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    expect(runCli(['admin', 'list'], env).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('explains its usage with exit code 2', () => {
    expect(runCli(['admin', 'create', '--email', 'a@example.com'], { PASSIVEWP_DATA_DIR: tempDir() }).code).toBe(2);
    expect(runCli(['frobnicate'], {}).code).toBe(2);
  });
});

describe('passivewp config check', () => {
  it('validates the configuration and shows which settings it locks', () => {
    const result = runCli(['config', 'check'], { PASSIVEWP_DATA_DIR: tempDir(), PASSIVEWP_SITE_NAME: 'Locked' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Site name by PASSIVEWP_SITE_NAME (env)');
  });
});
