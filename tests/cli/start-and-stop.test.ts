import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpApp, stopServer } from '../../src/main.js';
import { newTestStorage, openTestEngine } from '../helpers/start-test-engine.js';
import { runCli, spawnEngine, waitForExit } from '../helpers/run-cli.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'pwp-cli-'));

describe('passivewp start', () => {
  it('serves health once migrated, prints the admin URL and a one-time setup link, and exits 0 on SIGTERM', async () => {
    const { child, output, adminUrl } = await spawnEngine(await newTestStorage('pwp-cli-'));
    expect(adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/$/);
    await expect.poll(output).toMatch(/#\/setup\/[\w-]{40,}/);
    const health = await fetch(new URL('/api/health', adminUrl));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    // A keep-alive connection that stays open must not hold the shutdown.
    await fetch(new URL('/api/health', adminUrl), { keepalive: true });
    const started = Date.now();
    child.kill('SIGTERM');
    const exit = await waitForExit(child);
    expect(exit.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops with exit code 2 and names the variable when the configuration is bad', () => {
    const result = runCli(['start'], { PASSIVEWP_DATA_DIR: tempDir(), PASSIVEWP_PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PASSIVEWP_PORT: must be a whole number from 0 to 65535');
  });

  it('stops with exit code 2 on a malformed secret key', () => {
    const result = runCli(['start'], { PASSIVEWP_DATA_DIR: tempDir(), PASSIVEWP_SECRET_KEY: 'abc' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PASSIVEWP_SECRET_KEY');
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish before the server closes', async () => {
    const { engine } = await openTestEngine();
    const app = await createHttpApp(engine);
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 500));
      return { finished: true };
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const inFlight = fetch(`${address}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    await stopServer(app, engine);
    expect(await inFlight).toEqual({ finished: true });
  });
});
